//! Prints the meeting mentions of a text file with their attributes (a development aid).
//! usage: cargo run --example mentions FILE

fn main() {
    let path = std::env::args().nth(1).expect("usage: mentions FILE");
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
    let rules = claimdiff::rules::RuleSet::embedded().expect("valid built-in rules");
    let lr = rules.lang(claimdiff::lang::detect(&text));
    let p = claimdiff::text::prepare(&text, lr);
    if std::env::var_os("SHOW_STATUS").is_some() {
        for h in lr.statuses.scan(
            &p.tokens,
            0..p.tokens.len(),
            claimdiff::text::lexicon::Clitics::ConjPrep,
        ) {
            println!("status {:?} at {}", h.value, h.start);
        }
    }
    for m in claimdiff::events::mention::mentions(&p, lr, None) {
        let word = p.slice(p.tokens[m.token].span);
        println!("s{} {} {:?}", m.sentence, word, m.facts);
    }
}
