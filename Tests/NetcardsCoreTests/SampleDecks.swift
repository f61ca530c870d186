/// A small deck using every feature of the deck format, as docs/deck-format.md describes it.
let sampleDeck = """
    ---
    deck: protocols
    module: Ports, protocols, packets & routing
    tags: networking, basics
    title: Protocols
    ---

    # Ports

    Table: ports
    | Service | Port | Transport |
    |---|---|---|
    | ssh | 22 | TCP |
    | postgres \\| postgresql | 5432 | TCP |
    | etcd | 2379-2380 | TCP |

    Card port: Which port does {Service} listen on by default? => {Port}
    Card service: What listens on port {Port} by default? => {Service}
    Reveal transport: Which transport does {Service} use? => It uses {Transport}.
    Tags: ports, defaults

    Table: layers
    | Layer | What it does |
    |---|---|
    | L3 / Network | Routes packets between networks |

    Reveal job: What does {Layer} do? => {What it does}

    Q: What does DNS resolution look like from a stub resolver? {#dns-recursive}
    Reveal: The stub asks a recursive resolver, which walks root → TLD → authoritative
      servers and caches every answer for its TTL.
    Tags: dns

    Q: In the internet's mental model, what is DNS? {#dns-phonebook}
    A: the phonebook | phonebook

    An example of the format, which is not part of the deck:

    ```markdown
    Q: Not a card {#fenced-example}
    A: no
    Table: fenced
    | a | b |
    |---|---|
    | c | d |
    ```
    """

/// The same deck, every question, answer and non-key cell reworded; row keys, table, template and card ids kept.
let rewordedSampleDeck = """
    ---
    deck: protocols
    module: Ports, protocols, packets & routing
    tags: networking
    title: Protocols and ports
    ---

    # Ports (reworded)

    Table: ports
    | Service | Port | Transport |
    |---|---|---|
    | ssh | 2222 | TCP only |
    | postgres \\| postgresql \\| pg | 5433 | TCP |
    | etcd | 2379–2380 | TCP (gRPC) |

    Card port: On which TCP port is {Service} found? => {Port}
    Card service: Port {Port} belongs to? => {Service}
    Reveal transport: {Service} runs over? => {Transport}
    Tags: ports

    Table: layers
    | Layer | What it does |
    |---|---|
    | L3 / Network | Forwards packets hop by hop |

    Reveal job: The job of {Layer}? => {What it does}

    Q: Describe DNS resolution. {#dns-recursive}
    Reveal: Stub → recursive resolver → root → TLD → authoritative.
    Tags: dns, resolution

    Q: DNS is the internet's …? {#dns-phonebook}
    A: phonebook | the phone book
    """
