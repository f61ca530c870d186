/// The words the answer checker reads as the same, and the ones it never lets pass for each other.
///
/// Data, not code: add a line to extend it. Case, punctuation and plurals don't matter in either list.
/// It lives in a Swift string rather than a resource file so that a copied `netcards` binary carries it.
enum AnswerVocabulary {
    /// `ABBREVIATION = EXPANSION`, one pair a line. Both sides are the same answer, either way round; every
    /// phrase joined through shared sides is one term (`NAT GW = NAT gateway`, `NGW = NAT gateway`).
    static let glossary = """
        ACL = access control list
        NACL = network ACL
        SG = security group
        IGW = internet gateway
        NAT GW = NAT gateway
        NGW = NAT gateway
        NAT = network address translation
        SNAT = source NAT
        DNAT = destination NAT
        PAT = port address translation
        LB = load balancer
        ALB = application load balancer
        NLB = network load balancer
        ELB = elastic load balancer
        GWLB = gateway load balancer
        VPC = virtual private cloud
        AZ = availability zone
        ENI = elastic network interface
        EIP = elastic IP
        TGW = transit gateway
        VGW = virtual private gateway
        VPN = virtual private network
        DX = Direct Connect
        CNI = container network interface
        k8s = Kubernetes
        EKS = elastic Kubernetes service
        EC2 = elastic compute cloud
        S3 = simple storage service
        TTL = time to live
        SNI = Server Name Indication
        L2 = layer 2
        L2 = link layer
        L2 = data link layer
        L3 = layer 3
        L3 = network layer
        L4 = layer 4
        L4 = transport layer
        L7 = layer 7
        L7 = application layer
        DNS = domain name system
        IP = internet protocol
        TCP = transmission control protocol
        UDP = user datagram protocol
        HTTP = hypertext transfer protocol
        HTTPS = hypertext transfer protocol secure
        TLS = transport layer security
        SSL = secure sockets layer
        SSH = secure shell
        ICMP = internet control message protocol
        ARP = address resolution protocol
        MAC = media access control
        CIDR = classless inter-domain routing
        LPM = longest prefix match
        MTU = maximum transmission unit
        MSS = maximum segment size
        RTT = round-trip time
        BGP = border gateway protocol
        OSPF = open shortest path first
        DHCP = dynamic host configuration protocol
        SYN = synchronize
        ACK = acknowledgment
        ACK = acknowledgement
        RST = reset
        FIN = finish
        CDN = content delivery network
        DoH = DNS over HTTPS
        DoT = DNS over TLS
        API = application programming interface
        WAF = web application firewall
        LAN = local area network
        WAN = wide area network
        VLAN = virtual LAN
        NIC = network interface card
        FQDN = fully qualified domain name
        TLD = top-level domain
        CNAME = canonical name
        MX = mail exchange
        NS = name server
        SOA = start of authority
        URL = uniform resource locator
        SMTP = simple mail transfer protocol
        FTP = file transfer protocol
        NTP = network time protocol
        SNMP = simple network management protocol
        DDoS = distributed denial of service
        QoS = quality of service
        ISP = internet service provider
        IXP = internet exchange point
        ASN = autonomous system number
        ECMP = equal-cost multi-path
        GRE = generic routing encapsulation
        RFC = request for comments
        dst = destination
        src = source
        route table = routing table
        HTTPS = HTTP secure
        L7 = app layer
        postgres = PostgreSQL
        """

    /// `WORD <> OPPOSITE`, one pair a line: never accepted for each other, not even one letter apart, and an
    /// answer that names the opposite of what the deck says is wrong however much else matches.
    static let opposites = """
        stateful <> stateless
        inbound <> outbound
        ingress <> egress
        public <> private
        source <> destination
        src <> dst
        TCP <> UDP
        A <> AAAA
        IPv4 <> IPv6
        SYN <> SYN-ACK
        SYN <> ACK
        RST <> FIN
        L2 <> L3
        L2 <> L4
        L2 <> L7
        L3 <> L4
        L3 <> L7
        L4 <> L7
        HTTP <> HTTPS
        LDAP <> LDAPS
        SMTP <> SMTPS
        allow <> deny
        accept <> reject
        accept <> drop
        client <> server
        request <> response
        open <> closed
        internal <> external
        internal <> internet-facing
        upstream <> downstream
        encrypted <> unencrypted
        symmetric <> asymmetric
        synchronous <> asynchronous
        increment <> decrement
        incremented <> decremented
        increase <> decrease
        forward <> reverse
        SNAT <> DNAT
        ALB <> NLB
        IGW <> NAT GW
        SG <> NACL
        gateway endpoint <> interface endpoint
        primary <> secondary
        first <> last
        before <> after
        longest <> shortest
        minimum <> maximum
        min <> max
        yes <> no
        true <> false
        unicast <> multicast
        unicast <> anycast
        unicast <> broadcast
        anycast <> multicast
        authoritative <> recursive
        MySQL <> MSSQL
        """
}
