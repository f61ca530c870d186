import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("10.0.2.15", 8081)); s.listen(16)
conns = []
while True:
    c, _ = s.accept(); conns.append(c)  # accept, read nothing back, never answer
