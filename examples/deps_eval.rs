//! Runs the offline package-name check over names read from stdin, one `ecosystem<TAB>name` per
//! line, and prints `ecosystem<TAB>name<TAB>status<TAB>resembles<TAB>how` for each (`-` where
//! empty). Used by bench/deps/run.sh to measure the typosquat check on planted and real names.

use git_charter::detect::deps::{Ecosystem, names, normalize};
use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let mut parts = line.split('\t');
        let (Some(eco), Some(name)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(e) = Ecosystem::from_name(eco) else {
            let _ = writeln!(out, "{eco}\t{name}\tunchecked\t-\t-");
            continue;
        };
        let c = names::check(e, &normalize(e, name), false);
        let _ = writeln!(
            out,
            "{eco}\t{name}\t{}\t{}\t{}",
            c.status.as_str(),
            c.resembles.as_deref().unwrap_or("-"),
            c.how.as_deref().unwrap_or("-")
        );
    }
}
