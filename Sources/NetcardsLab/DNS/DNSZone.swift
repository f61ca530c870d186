/// The records a lab's DNS server answers from, and how a query is answered: a CNAME is followed inside the
/// zone (the chain comes back in one answer, as an authoritative server gives it); a name the zone lacks is
/// NXDOMAIN; a name it has, asked for another type, is an empty answer.
public struct DNSZone: Sendable {
    public var records: [DNSRecord]

    public init(records: [DNSRecord]) { self.records = records }

    public func answer(_ query: DNSQuery) -> (code: DNSResponseCode, answers: [DNSRecord]) {
        guard query.qclass == DNSQuery.classIN || query.qclass == 255 else { return (.notImplemented, []) }
        var name = query.name.lowercased()
        guard records.contains(where: { $0.name.lowercased() == name }) else { return (.nameError, []) }
        var answers: [DNSRecord] = []
        for _ in 0..<8 {
            let here = records.filter { $0.name.lowercased() == name }
            if query.type != DNSQuery.typeCNAME, let alias = here.first(where: { if case .cname = $0.data { true } else { false } }),
               case .cname(let target) = alias.data {
                answers.append(alias)
                name = target.lowercased()
                continue
            }
            answers += here.filter { record in
                switch record.data {
                case .a: query.type == DNSQuery.typeA || query.type == 255
                case .cname: query.type == DNSQuery.typeCNAME || query.type == 255
                }
            }
            break
        }
        return (.noError, answers)
    }
}
