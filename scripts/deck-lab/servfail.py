import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("10.0.2.53", 53))
while True:
    data, addr = s.recvfrom(4096)
    if len(data) < 12: continue
    # header: same id, QR=1, opcode copied, RD copied, RA=1, RCODE=2 (SERVFAIL); question copied, no records
    qd_end = 12
    while data[qd_end] != 0: qd_end += data[qd_end] + 1
    qd_end += 5
    flags = 0x8000 | (data[2] & 0x79) << 8 | 0x80 | 2
    s.sendto(data[:2] + flags.to_bytes(2, "big") + b"\x00\x01\x00\x00\x00\x00\x00\x00" + data[12:qd_end], addr)
