use std::io::Read;

use factlens::document::load_bytes;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Temporary minimal CLI for `--json FILE`; the full CLI comes with the reader.
    if args.len() == 3 && args[1] == "--json" {
        let bytes = if args[2] == "-" {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).expect("stdin");
            b
        } else {
            std::fs::read(&args[2]).expect("read")
        };
        let doc = load_bytes(&bytes).expect("load");
        let facts = factlens::extract::extract(&doc);
        println!("{}", factlens::json::to_json(&doc, &facts));
    }
}
