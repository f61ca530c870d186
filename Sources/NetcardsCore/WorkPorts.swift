/// Ports engineers meet at work, for `quiz ports --all`: the name people say (asked in questions and shown as
/// the answer), other names they use, and the transport. The quiz adds the system's services-database names
/// of the same port and transport as accepted answers.
///
/// Sources: IANA's Service Name and Transport Protocol Port Number Registry
/// (https://www.iana.org/assignments/service-names-port-numbers), and for ports IANA assigns to something else
/// or not at all, the project's own documentation of its default: Oracle Net listener, ZooKeeper, Docker
/// (daemon socket, swarm), Grafana, NATS, OpenTelemetry (OTLP), RFC 7348 (VXLAN), Elastic (Logstash Beats
/// input, Kibana, Elasticsearch), CouchDB, InfluxDB, StatsD, HashiCorp (Vault, Consul), Apache Tomcat (8443),
/// Cassandra, Prometheus, node_exporter, Kafka, Kubernetes (kubelet, NodePort range), memcached, RabbitMQ,
/// MongoDB, MQTT (OASIS MQTT 5.0, 1883 and 8883), Squid.
public struct WorkPort: Hashable, Sendable {
    /// A number or a range (`30000-32767`).
    public var port: String
    public var transport: String
    public var name: String
    public var otherNames: [String]

    public init(_ port: String, _ transport: String, _ name: String, _ otherNames: [String] = []) {
        self.port = port
        self.transport = transport
        self.name = name
        self.otherNames = otherNames
    }

    /// The port's numbers: one, or every number of a range.
    public var numbers: ClosedRange<Int> {
        let bounds = port.split(separator: "-").compactMap { Int($0) }
        return bounds[0]...(bounds.last ?? bounds[0])
    }

    public static let all: [WorkPort] = [
        WorkPort("20", "tcp", "ftp-data"),
        WorkPort("21", "tcp", "ftp"),
        WorkPort("23", "tcp", "telnet"),
        WorkPort("25", "tcp", "smtp"),
        WorkPort("67", "udp", "dhcp server", ["dhcp", "bootps"]),
        WorkPort("68", "udp", "dhcp client", ["bootpc"]),
        WorkPort("69", "udp", "tftp"),
        WorkPort("88", "tcp", "kerberos"),
        WorkPort("110", "tcp", "pop3"),
        WorkPort("111", "tcp", "rpcbind", ["portmapper", "sunrpc"]),
        WorkPort("123", "udp", "ntp"),
        WorkPort("135", "tcp", "msrpc", ["ms rpc", "epmap"]),
        WorkPort("137", "udp", "netbios-ns", ["netbios name service"]),
        WorkPort("139", "tcp", "netbios-ssn", ["netbios session"]),
        WorkPort("143", "tcp", "imap", ["imap2"]),
        WorkPort("161", "udp", "snmp"),
        WorkPort("162", "udp", "snmp-trap", ["snmp traps"]),
        WorkPort("179", "tcp", "bgp"),
        WorkPort("389", "tcp", "ldap"),
        WorkPort("445", "tcp", "smb", ["microsoft-ds", "cifs"]),
        WorkPort("465", "tcp", "smtps", ["submissions", "smtp over tls"]),
        WorkPort("500", "udp", "ike", ["isakmp", "ipsec ike"]),
        WorkPort("514", "udp", "syslog"),
        WorkPort("587", "tcp", "submission", ["smtp submission", "mail submission"]),
        WorkPort("636", "tcp", "ldaps"),
        WorkPort("853", "tcp", "dns over tls", ["dot", "domain-s"]),
        WorkPort("873", "tcp", "rsync"),
        WorkPort("993", "tcp", "imaps"),
        WorkPort("995", "tcp", "pop3s"),
        WorkPort("1194", "udp", "openvpn"),
        WorkPort("1433", "tcp", "sql server", ["mssql", "ms-sql-s", "microsoft sql server"]),
        WorkPort("1521", "tcp", "oracle", ["oracle listener", "oracle database", "oracle db"]),
        WorkPort("1812", "udp", "radius"),
        WorkPort("1813", "udp", "radius accounting", ["radius-acct"]),
        WorkPort("1883", "tcp", "mqtt"),
        WorkPort("2049", "tcp", "nfs"),
        WorkPort("2181", "tcp", "zookeeper"),
        WorkPort("2375", "tcp", "docker", ["docker api", "dockerd"]),
        WorkPort("2376", "tcp", "docker tls", ["docker-s", "docker api tls"]),
        WorkPort("2377", "tcp", "docker swarm", ["swarm", "swarm manager"]),
        WorkPort("3000", "tcp", "grafana"),
        WorkPort("3128", "tcp", "squid", ["http proxy", "squid proxy"]),
        WorkPort("3389", "tcp", "rdp", ["remote desktop", "ms-wbt-server"]),
        WorkPort("4222", "tcp", "nats"),
        WorkPort("4317", "tcp", "otlp grpc", ["opentelemetry grpc", "otlp"]),
        WorkPort("4318", "tcp", "otlp http", ["opentelemetry http"]),
        WorkPort("4369", "tcp", "epmd", ["erlang port mapper"]),
        WorkPort("4500", "udp", "ipsec nat-t", ["ipsec-nat-t", "nat traversal"]),
        WorkPort("4789", "udp", "vxlan"),
        WorkPort("5044", "tcp", "logstash beats", ["beats", "logstash"]),
        WorkPort("5060", "udp", "sip"),
        WorkPort("5222", "tcp", "xmpp", ["xmpp-client", "jabber"]),
        WorkPort("5353", "udp", "mdns", ["multicast dns"]),
        WorkPort("5601", "tcp", "kibana"),
        WorkPort("5672", "tcp", "amqp", ["rabbitmq"]),
        WorkPort("5900", "tcp", "vnc", ["rfb"]),
        WorkPort("5984", "tcp", "couchdb"),
        WorkPort("6514", "tcp", "syslog over tls", ["syslog-tls"]),
        WorkPort("8080", "tcp", "http-alt", ["http alternate", "alternate http"]),
        WorkPort("8086", "tcp", "influxdb"),
        WorkPort("8125", "udp", "statsd"),
        WorkPort("8200", "tcp", "vault"),
        WorkPort("8300", "tcp", "consul server rpc", ["consul rpc"]),
        WorkPort("8443", "tcp", "https-alt", ["alternate https", "tomcat https"]),
        WorkPort("8500", "tcp", "consul", ["consul http", "consul api"]),
        WorkPort("8883", "tcp", "mqtt over tls", ["mqtts", "secure mqtt"]),
        WorkPort("9042", "tcp", "cassandra", ["cql"]),
        WorkPort("9090", "tcp", "prometheus"),
        WorkPort("9092", "tcp", "kafka"),
        WorkPort("9100", "tcp", "node_exporter", ["node exporter"]),
        WorkPort("9200", "tcp", "elasticsearch", ["elasticsearch http", "opensearch"]),
        WorkPort("9300", "tcp", "elasticsearch transport"),
        WorkPort("9418", "tcp", "git"),
        WorkPort("10250", "tcp", "kubelet", ["kubelet api"]),
        WorkPort("11211", "tcp", "memcached"),
        WorkPort("15672", "tcp", "rabbitmq management", ["rabbitmq ui", "rabbitmq web ui"]),
        WorkPort("27017", "tcp", "mongodb", ["mongo", "mongod"]),
        WorkPort("30000-32767", "tcp", "kubernetes nodeport", ["nodeport", "nodeport range"]),
    ]
}
