import GenQuality
import GenPipeline
import GenCore

/// Varied, realistic customer-support messages from templates and vocabularies, drawn with a seeded
/// generator: the load for `QualityBenchmark`. Opening, one or two requests and a closing are combined with
/// random amounts and dates, so exact repeats are rare while near duplicates occur as they do with a
/// templated generator.
struct SyntheticMessages {
    private var random: SeededRandom

    init(random: SeededRandom) {
        self.random = random
    }

    mutating func next() -> (text: String, label: String) {
        let (request, label) = pick(Self.requests)
        var parts = [pick(Self.openings), fill(request)]
        if chance(0.5) { parts.append(fill(pick(Self.details))) }
        if chance(0.6) { parts.append(fill(pick(Self.closings))) }
        let text = parts.filter { !$0.isEmpty }.joined(separator: " ")
        return (text.prefix(1).uppercased() + text.dropFirst(), label)
    }

    private mutating func fill(_ template: String) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += value(for: String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    private mutating func value(for slot: String) -> String {
        switch slot {
        case "amount": return pick(["$", "£", "€", ""]) + String(random.nextIndex(990) + 5) + pick(["", ".00", ".50", ".99"])
        case "day": return pick(Self.days)
        case "hours": return String(random.nextIndex(47) + 2)
        default: return pick(Self.vocabulary[slot] ?? [slot])
        }
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[random.nextIndex(items.count)] }
    private mutating func chance(_ probability: Double) -> Bool { random.nextUnit() < probability }

    static let openings = [
        "", "", "Hi,", "Hello,", "Hey there,", "Good morning,", "Good evening,", "Excuse me,", "Quick question:",
        "Please help:", "Hi team,", "Sorry to bother you,", "Urgent:", "Hello again,",
    ]

    static let requests: [(String, String)] = [
        ("I {lost} my {card} {when} {where}.", "lost_card"),
        ("my {card} was {stolen} {when} {where}, please block it.", "lost_card"),
        ("I can't find my {card} anywhere since {day}.", "lost_card"),
        ("my transfer of {amount} to {person} {failed} {when}.", "transfer_failed"),
        ("the {amount} I sent to {person} {when} never arrived.", "transfer_failed"),
        ("why did my payment to {person} get {rejected}?", "transfer_failed"),
        ("what is the balance on my {account}?", "check_balance"),
        ("can you tell me how much money is left in my {account}?", "check_balance"),
        ("the app shows {error} when I open my {account}.", "check_balance"),
        ("I was charged {amount} by {merchant} {when} and I never bought anything there.", "dispute_charge"),
        ("there is a {amount} charge from {merchant} on {day} that I do not recognise.", "dispute_charge"),
        ("{merchant} took {amount} twice from my {account}.", "dispute_charge"),
        ("how do I {action} my {account} from the app?", "account_help"),
        ("I need to {action} my {account} before {day}.", "account_help"),
        ("is it possible to {action} the {card} online?", "account_help"),
    ]

    static let details = [
        "I have been waiting for {hours} hours.", "It happened {when}.", "The reference ends in {amount}.",
        "My {person2} says the money is not there.", "I already tried {fix}.", "The amount was {amount}.",
        "This is the {nth} time this month.", "I am travelling until {day}.", "Nothing shows up in the {place}.",
    ]

    static let closings = [
        "Thanks.", "Thank you!", "Please call me back.", "What should I do?", "Can you help?", "This is urgent.",
        "Is my money safe?", "Kind regards.", "Please fix this today.", "Any advice is welcome.", "Cheers.",
    ]

    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "the 3rd",
                       "the 14th", "the 21st", "the end of the month", "payday", "New Year", "my birthday"]

    static let vocabulary: [String: [String]] = [
        "lost": ["lost", "misplaced", "dropped", "left behind", "can't find"],
        "stolen": ["stolen", "taken", "snatched", "swiped"],
        "card": ["card", "debit card", "credit card", "visa card", "bank card", "contactless card", "business card",
                 "travel card", "metal card", "virtual card", "joint account card", "student card"],
        "when": ["yesterday", "this morning", "last night", "two days ago", "on Monday", "over the weekend",
                 "an hour ago", "last week", "during my holiday", "earlier today", "on Friday evening", "at lunch"],
        "where": ["at the supermarket", "on the bus", "in a taxi", "at the airport", "near my office",
                  "at a restaurant", "at the gym", "in London", "at the train station", "downtown", "at a concert",
                  "in the park", "at the petrol station", ""],
        "person": ["my landlord", "my sister", "a friend", "my electricity company", "the plumber", "my mum",
                   "a colleague", "the school", "my flatmate", "the car dealer", "my brother", "the dentist"],
        "person2": ["landlord", "sister", "friend", "mum", "colleague", "flatmate", "brother", "partner"],
        "failed": ["failed", "bounced", "was declined", "got stuck", "is still pending", "was reversed"],
        "rejected": ["rejected", "blocked", "cancelled", "flagged", "held"],
        "account": ["current account", "savings account", "joint account", "business account", "ISA",
                    "student account", "credit card account", "travel wallet"],
        "error": ["an error 503", "a blank screen", "zero", "the wrong amount", "an old balance", "a spinning wheel",
                  "'service unavailable'", "a login loop"],
        "merchant": ["Amazon", "Uber", "Netflix", "a coffee shop", "Tesco", "Spotify", "a hotel in Paris",
                     "an online shop", "a parking app", "the gym", "Apple", "a petrol station", "eBay", "Deliveroo"],
        "action": ["close", "freeze", "unfreeze", "rename", "change the PIN of", "add a payee to", "upgrade",
                   "order a new card for", "set up a standing order on", "download statements for"],
        "fix": ["restarting the app", "logging out and in", "calling the branch", "reinstalling the app",
                "using the website", "waiting a day", "resetting my password"],
        "nth": ["second", "third", "fourth", "fifth"],
        "place": ["app", "statement", "online banking", "transaction list", "notifications"],
    ]
}
