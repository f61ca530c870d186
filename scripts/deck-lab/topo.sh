set -e
# client c — r1 — r2 — r3 — server s ; plus dns server on s
for n in c r1 r2 r3 s; do ip netns add $n; ip netns exec $n ip link set lo up; done
link() { ip link add $1 type veth peer name $3; ip link set $1 netns $2; ip link set $3 netns $4; }
link c-eth0 c r1-eth0 r1
link r1-eth1 r1 r2-eth0 r2
link r2-eth1 r2 r3-eth0 r3
link r3-eth1 r3 s-eth0 s
addr() { ip netns exec $1 ip link set $2 name eth${4:-0} 2>/dev/null || true; }
ip netns exec c ip link set c-eth0 name eth0
ip netns exec r1 ip link set r1-eth0 name eth0; ip netns exec r1 ip link set r1-eth1 name eth1
ip netns exec r2 ip link set r2-eth0 name eth0; ip netns exec r2 ip link set r2-eth1 name eth1
ip netns exec r3 ip link set r3-eth0 name eth0; ip netns exec r3 ip link set r3-eth1 name eth1
ip netns exec s ip link set s-eth0 name eth0
ip netns exec c ip addr add 10.0.1.10/24 dev eth0
ip netns exec r1 ip addr add 10.0.1.1/24 dev eth0; ip netns exec r1 ip addr add 172.16.0.1/30 dev eth1
ip netns exec r2 ip addr add 172.16.0.2/30 dev eth0; ip netns exec r2 ip addr add 172.16.0.5/30 dev eth1
ip netns exec r3 ip addr add 172.16.0.6/30 dev eth0; ip netns exec r3 ip addr add 10.0.2.1/24 dev eth1
ip netns exec s ip addr add 10.0.2.15/24 dev eth0
for n in c r1 r2 r3 s; do for i in $(ip netns exec $n ls /sys/class/net); do ip netns exec $n ip link set $i up; done; done
for n in r1 r2 r3; do ip netns exec $n sysctl -qw net.ipv4.ip_forward=1; done
ip netns exec c ip route add default via 10.0.1.1
ip netns exec r1 ip route add default via 172.16.0.2
ip netns exec r2 ip route add 10.0.1.0/24 via 172.16.0.1
ip netns exec r2 ip route add 10.0.2.0/24 via 172.16.0.6
ip netns exec r3 ip route add default via 172.16.0.5
ip netns exec s ip route add default via 10.0.2.1
