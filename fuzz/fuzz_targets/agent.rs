//! The agent hooks' readers: a shell command line split as a shell would (`detect::shell`), each
//! simple command's git invocation and written files (`detect::gitcmd`), and an agent's hook
//! payload (`collect::agent`). Input: one flag byte, then the text; flag bit 0 reads the text
//! as a payload of the agent `flag >> 1` (mod 5), else as a command line.
//! Invariants: nothing panics; a line gives at most `MAX_COMMANDS` commands; a command's words
//! are never longer in total than three times the line (nothing is expanded: a command
//! substitution stands as U+FFFC, three bytes for at least one); reading is linear (the
//! harness's timeout catches a blow-up).
#![no_main]

use git_charter::collect::agent::{self, Agent};
use git_charter::detect::{gitcmd, shell};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    if flags & 1 == 1 {
        let a = Agent::ALL[usize::from(flags >> 1) % Agent::ALL.len()];
        if let Ok(p) = agent::parse(a, rest, None)
            && let agent::Event::BeforeCommand { command } = &p.event
        {
            let _ = shell::parse(command);
        }
        return;
    }
    let text = String::from_utf8_lossy(rest);
    let script = shell::parse(&text);
    assert!(script.commands.len() <= shell::MAX_COMMANDS);
    for c in &script.commands {
        let words: usize = c.argv.iter().map(String::len).sum();
        // An unknown substitution is U+FFFC (3 bytes) for at least one byte (an unclosed `` ` ``).
        assert!(
            words <= 3 * text.len() + c.argv.len(),
            "{words} > 3 × {}",
            text.len()
        );
        if let Some(g) = gitcmd::git_call(c) {
            assert!(g.messages.len() <= c.argv.len());
        }
        let _ = gitcmd::touched(c);
    }
});
