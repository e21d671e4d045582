//! Printing for `attest`, `log` and `approve`: git-charter's records as a table or JSON. Every
//! string in a record was redacted when it was built; control characters are escaped here.

use super::escape::printable;
use crate::attestation::Attestation;

fn short(id: &str) -> &str {
    &id[..id.len().min(12)]
}

/// One line per record: commit, date, verdict, AI tools and lines, disclosure, reviewers, approvals, signature.
fn row(r: &Attestation) -> [String; 7] {
    let ai = if r.ai.assisted || !r.ai.tools.is_empty() {
        let mut s = if r.ai.tools.is_empty() {
            "AI".to_string()
        } else {
            r.ai.tools.join(", ")
        };
        if r.ai.lines > 0 {
            s.push_str(&format!(" ({} lines)", r.ai.lines));
        }
        s
    } else {
        "-".into()
    };
    let disclosed = match (r.disclosure.required, r.disclosure.disclosed) {
        (_, true) => "disclosed",
        (true, false) => "UNDISCLOSED",
        (false, false) => "-",
    };
    let valid = r.approvals.iter().filter(|a| a.valid).count();
    let approvals = if r.approvals.is_empty() {
        "-".to_string()
    } else if valid == r.approvals.len() {
        format!("{valid} approved")
    } else {
        format!("{valid} of {} approvals valid", r.approvals.len())
    };
    let signature = match &r.signature {
        Some(s) if s.valid => "signed".to_string(),
        Some(s) if s.signed => format!("signature {}", s.reason.as_deref().unwrap_or("not valid")),
        _ => "unsigned".into(),
    };
    [
        short(&r.commit).to_string(),
        r.date.clone(),
        r.verdict.clone(),
        printable(&ai).into_owned(),
        disclosed.to_string(),
        format!("{} reviewer(s), {approvals}", r.reviewers.len()),
        signature,
    ]
}

fn table(records: &[Attestation]) -> String {
    let header = [
        "commit",
        "date",
        "verdict",
        "AI",
        "disclosure",
        "review",
        "signature",
    ]
    .map(str::to_string);
    let rows: Vec<[String; 7]> = std::iter::once(header)
        .chain(records.iter().map(row))
        .collect();
    let mut widths = [0usize; 7];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    for r in &rows {
        let mut line = String::new();
        for (i, (c, w)) in r.iter().zip(widths).enumerate() {
            if i + 1 == r.len() {
                line.push_str(c);
            } else {
                line.push_str(&format!("{c:<w$}  "));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `attest`: the records written (or, with `--dry-run`, that would be).
pub fn attest_console(records: &[Attestation], written_to: Option<&str>) -> String {
    let mut out = table(records);
    match written_to {
        Some(r) => out.push_str(&format!(
            "{} record(s) written to {r}; share them with `git push origin {r}`\n",
            records.len()
        )),
        None => out.push_str(&format!(
            "{} record(s) not written (--dry-run)\n",
            records.len()
        )),
    }
    out
}

/// The records as a JSON array, each in the note's schema.
pub fn records_json(records: &[Attestation]) -> String {
    let mut s = serde_json::to_string_pretty(records).expect("records serialise");
    s.push('\n');
    s
}

/// `log`: the matching records, and the notes that are not records.
pub fn log_console(records: &[Attestation], unreadable: &[(String, String)]) -> String {
    let mut out = if records.is_empty() {
        "no records match (write them with `git charter attest`, or fetch them: \
         `git fetch origin refs/notes/charter:refs/notes/charter`)\n"
            .to_string()
    } else {
        table(records)
    };
    for (commit, why) in unreadable {
        out.push_str(&format!(
            "note of {} is not a record: {}\n",
            short(commit),
            printable(why)
        ));
    }
    out
}

/// `approve`: what was signed and where it went.
pub fn approved_console(
    commit: &str,
    signer: &str,
    roles: &[String],
    fingerprint: &str,
    notes_ref: &str,
) -> String {
    let roles = if roles.is_empty() {
        String::new()
    } else {
        format!(" as {}", roles.join(", "))
    };
    format!(
        "approved {} by {}{roles} (key {fingerprint}), stored in {notes_ref}\n\
         share it with `git push origin {notes_ref}`\n",
        short(commit),
        printable(signer),
    )
}
