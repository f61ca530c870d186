import Foundation
@testable import NetcardsImport
import Testing

@Suite struct TextTests {
    @Test func htmlBecomesText() {
        #expect(HTMLText.text(from: "names&nbsp;to<br>IP addresses") == "names to\nIP addresses")
        #expect(HTMLText.text(from: "What do <i>TCP</i> &amp; <i>UDP</i> share?") == "What do TCP & UDP share?")
        #expect(HTMLText.text(from: "<div>one</div><div>two<br/></div>") == "one\ntwo")
        #expect(HTMLText.text(from: "a &lt;b&gt; &#39;c&#39; &#x2192; d") == "a <b> 'c' → d")
        #expect(HTMLText.text(from: "x [sound:ping.mp3]<img src=\"a.png\">") == "x")
        #expect(HTMLText.text(from: "1 < 2 and AT&T") == "1 < 2 and AT&T")
        #expect(HTMLText.text(from: "SYN\nSYN-ACK\n\nACK") == "SYN\nSYN-ACK\nACK")
    }

    @Test func clozes() {
        let cloze = ClozeText("{{c1::TCP}} is reliable, {{c2::UDP::protocol}} is not; {{c1::TCP}} again")
        #expect(cloze.numbers == [1, 2])
        #expect(cloze.front(hiding: 1) == "[...] is reliable, UDP is not; [...] again")
        #expect(cloze.front(hiding: 2) == "TCP is reliable, [protocol] is not; TCP again")
        #expect(cloze.revealed == "TCP is reliable, UDP is not; TCP again")
        #expect(ClozeText("no {{c::x}} cloze {{c1:y}}").numbers.isEmpty)
    }

    @Test func stableIds() {
        #expect(StableId.forFront("ssh port") == StableId.forFront("  SSH   port "))
        #expect(StableId.forFront("ssh port").hasPrefix("ssh-port-"))
        #expect(StableId.forFront("ssh port") != StableId.forFront("ssh ports"))
        #expect(StableId.forFront("日本語").hasPrefix("card-"))
        #expect(StableId.forGuid("guid-ssh") == "guid-ssh")
        #expect(StableId.forGuid("f8U#x!Z)") != StableId.forGuid("f8u#x!Z)"))
        #expect(StableId.forGuid("f8U#x!Z)").allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
    }

    @Test func recordLines() throws {
        let text = "front,back\n\"a\nb\",c\n\nd,\"e\"\"f\"\r\ng,h"
        #expect(try CSVRecordScanner.recordLines(Array(text.utf8), delimiter: UInt8(ascii: ",")) == [1, 2, 4, 5, 6])
        #expect(throws: CSVRecordScanner.Failure.self) {
            try CSVRecordScanner.recordLines(Array("a,b\n\"c,d\n".utf8), delimiter: UInt8(ascii: ","))
        }
    }

    @Test func csvRowsMatchTheirLines() throws {
        let rows = try CSVRows(text: "front,back\n\"a\nb\",c\n\nd,\"e\"\"f\"\r\ng,h", delimiter: ",", file: "f.csv")
        #expect(rows.records.map(\.line) == [1, 2, 4, 5, 6])
        #expect(rows.records.map(\.fields) == [["front", "back"], ["a\nb", "c"], [""], ["d", "e\"f"], ["g", "h"]])
    }

    @Test func protobufVarint() {
        #expect(Protobuf.varint(field: 1, in: [0x08, 0x03]) == 3)
        #expect(Protobuf.varint(field: 1, in: [0x12, 0x02, 0x41, 0x42, 0x08, 0x01]) == 1)
        #expect(Protobuf.varint(field: 1, in: []) == nil)
    }

    @Test func formats() {
        #expect(ImportFormat.detect(path: "a.apkg", head: [0x50, 0x4B, 0x03, 0x04]) == .ankiPackage)
        #expect(ImportFormat.detect(path: "deck.txt", head: Array("---\ndeck: x".utf8)) == .markdown)
        #expect(ImportFormat.detect(path: "notes.csv", head: Array("#separator:tab\n".utf8)) == .ankiText)
        #expect(ImportFormat.detect(path: "a.csv", head: Array("front,back".utf8)) == .csv)
        #expect(ImportFormat.detect(path: "a.bin", head: [0, 1, 2]) == nil)
        #expect(ImportFormat.detect(path: "a.json", head: Array("{}".utf8)) == nil)
        #expect(ImportFormat.detect(path: "cards.txt", head: Array("front\tback\nx\ty".utf8)) == .tsv)
        #expect(ImportFormat.detect(path: "notes.txt", head: Array("ssh port\t22\n".utf8)) == .ankiText)
    }
}
