//! What a simple command does, as far as the charter cares: a `git` invocation read with git's own
//! option tables (bundled short options, unambiguous abbreviations of long ones, `--no-`
//! negations, `--` and attached values), the configuration it sets (`-c`, `--config-env`,
//! `GIT_CONFIG_COUNT`/`KEY_n`/`VALUE_n`, `git config …`), the commit message it gives; and the
//! files a command writes (redirections, `rm`, `mv`, `cp`, `chmod`, `tee`, `sed -i`, …).
//! Facts only; `policies/agent` decides.

use super::shell::SimpleCommand;
use serde::Serialize;
use std::collections::BTreeMap;

/// A `git` invocation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GitCall {
    /// The subcommand (`commit`, `push`, …), or `None` for `git` alone or `git --version`.
    pub subcommand: Option<String>,
    /// Configuration set for this invocation, keys lower-cased as git compares them
    /// (`core.hookspath`), in order: `-c`, `--config-env`, the `GIT_CONFIG_*` variables.
    pub config: Vec<Setting>,
    /// The subcommand's options by their long name (`n` is `no-verify` for `commit` and
    /// `dry-run` for `push`), the last one given winning, a negation (`--verify`) removing its
    /// counterpart; the value is the option's argument, or `true`.
    pub options: BTreeMap<String, serde_json::Value>,
    /// The arguments that are not options.
    pub args: Vec<String>,
    /// `-m`/`--message` values in order (git joins them with blank lines).
    pub messages: Vec<String>,
    /// `--trailer` values in order.
    pub trailers: Vec<String>,
    /// `-F`/`--file`: where the message is read from (`-` is stdin).
    pub message_file: Option<String>,
    /// `-C DIR` (the last one; git applies them in turn).
    pub dir: Option<String>,
    /// `git config` writing a key: key (lower-cased section and name), value (`None` for an unset), scope.
    pub config_writes: Vec<ConfigWrite>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfigWrite {
    pub key: String,
    pub value: Option<String>,
    pub scope: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Takes {
    No,
    Value,
    /// Only attached (`-S<key>`, `--gpg-sign=<key>`).
    Optional,
}

use Takes::{No, Optional, Value};

/// (long name, short letter, what it takes) for the subcommands whose options matter.
fn table(subcommand: &str) -> &'static [(&'static str, Option<char>, Takes)] {
    match subcommand {
        "commit" => &[
            ("all", Some('a'), No),
            ("patch", Some('p'), No),
            ("reuse-message", Some('C'), Value),
            ("reedit-message", Some('c'), Value),
            ("fixup", None, Value),
            ("squash", None, Value),
            ("reset-author", None, No),
            ("short", None, No),
            ("branch", None, No),
            ("porcelain", None, No),
            ("long", None, No),
            ("null", Some('z'), No),
            ("file", Some('F'), Value),
            ("author", None, Value),
            ("date", None, Value),
            ("message", Some('m'), Value),
            ("template", Some('t'), Value),
            ("signoff", Some('s'), No),
            ("no-signoff", None, No),
            ("trailer", None, Value),
            ("no-verify", Some('n'), No),
            ("verify", None, No),
            ("allow-empty", None, No),
            ("allow-empty-message", None, No),
            ("cleanup", None, Value),
            ("edit", Some('e'), No),
            ("no-edit", None, No),
            ("amend", None, No),
            ("no-post-rewrite", None, No),
            ("include", Some('i'), No),
            ("only", Some('o'), No),
            ("pathspec-from-file", None, Value),
            ("pathspec-file-nul", None, No),
            ("untracked-files", Some('u'), Optional),
            ("verbose", Some('v'), No),
            ("quiet", Some('q'), No),
            ("dry-run", None, No),
            ("status", None, No),
            ("no-status", None, No),
            ("gpg-sign", Some('S'), Optional),
            ("no-gpg-sign", None, No),
        ],
        "push" => &[
            ("no-verify", None, No),
            ("verify", None, No),
            ("dry-run", Some('n'), No),
            ("force", Some('f'), No),
            ("force-with-lease", None, Optional),
            ("force-if-includes", None, No),
            ("set-upstream", Some('u'), No),
            ("quiet", Some('q'), No),
            ("verbose", Some('v'), No),
            ("delete", Some('d'), No),
            ("tags", None, No),
            ("all", None, No),
            ("branches", None, No),
            ("mirror", None, No),
            ("push-option", Some('o'), Value),
            ("repo", None, Value),
            ("receive-pack", None, Value),
            ("exec", None, Value),
            ("atomic", None, No),
            ("signed", None, Optional),
            ("no-signed", None, No),
            ("porcelain", None, No),
            ("prune", None, No),
            ("follow-tags", None, No),
            ("ipv4", Some('4'), No),
            ("ipv6", Some('6'), No),
            ("progress", None, No),
            ("thin", None, No),
            ("recurse-submodules", None, Value),
        ],
        "merge" | "pull" => &[
            ("no-verify", None, No),
            ("verify", None, No),
            ("message", Some('m'), Value),
            ("file", Some('F'), Value),
            ("strategy", Some('s'), Value),
            ("strategy-option", Some('X'), Value),
            ("gpg-sign", Some('S'), Optional),
            ("no-gpg-sign", None, No),
            ("commit", None, No),
            ("no-commit", None, No),
            ("squash", None, No),
            ("ff", None, No),
            ("no-ff", None, No),
            ("ff-only", None, No),
            ("edit", Some('e'), No),
            ("no-edit", None, No),
            ("stat", None, No),
            ("no-stat", Some('n'), No),
            ("log", None, Optional),
            ("signoff", None, No),
            ("quiet", Some('q'), No),
            ("verbose", Some('v'), No),
            ("abort", None, No),
            ("continue", None, No),
            ("allow-unrelated-histories", None, No),
            ("into-name", None, Value),
            ("cleanup", None, Value),
            ("autostash", None, No),
            ("rebase", Some('r'), Optional),
            ("verify-signatures", None, No),
            ("progress", None, No),
        ],
        "am" => &[
            ("no-verify", Some('n'), No),
            ("verify", None, No),
            ("signoff", Some('s'), No),
            ("keep", Some('k'), No),
            ("3way", Some('3'), No),
            ("quiet", Some('q'), No),
            ("gpg-sign", Some('S'), Optional),
            ("no-gpg-sign", None, No),
            ("directory", None, Value),
            ("exclude", None, Value),
            ("include", None, Value),
            ("continue", None, No),
            ("skip", None, No),
            ("abort", None, No),
        ],
        "rebase" => &[
            ("no-verify", None, No),
            ("verify", None, No),
            ("gpg-sign", Some('S'), Optional),
            ("no-gpg-sign", None, No),
            ("exec", Some('x'), Value),
            ("onto", None, Value),
            ("strategy", Some('s'), Value),
            ("strategy-option", Some('X'), Value),
            ("interactive", Some('i'), No),
            ("merge", Some('m'), No),
            ("quiet", Some('q'), No),
            ("verbose", Some('v'), No),
            ("continue", None, No),
            ("abort", None, No),
            ("skip", None, No),
            ("autosquash", None, No),
            ("autostash", None, No),
            ("root", None, No),
            ("signoff", None, No),
            ("rebase-merges", Some('r'), Optional),
        ],
        "cherry-pick" | "revert" => &[
            ("gpg-sign", Some('S'), Optional),
            ("no-gpg-sign", None, No),
            ("no-commit", Some('n'), No),
            ("edit", Some('e'), No),
            ("no-edit", None, No),
            ("mainline", Some('m'), Value),
            ("signoff", Some('s'), No),
            ("strategy", None, Value),
            ("strategy-option", Some('X'), Value),
            ("continue", None, No),
            ("abort", None, No),
            ("skip", None, No),
            ("quit", None, No),
        ],
        "tag" => &[
            ("annotate", Some('a'), No),
            ("sign", Some('s'), No),
            ("no-sign", None, No),
            ("local-user", Some('u'), Value),
            ("force", Some('f'), No),
            ("delete", Some('d'), No),
            ("verify", Some('v'), No),
            ("message", Some('m'), Value),
            ("file", Some('F'), Value),
            ("list", Some('l'), No),
        ],
        _ => &[],
    }
}

/// git's global options that take the next word (or `=value`).
const GLOBAL_WITH_VALUE: &[&str] = &[
    "-C",
    "-c",
    "--git-dir",
    "--work-tree",
    "--namespace",
    "--exec-path",
    "--config-env",
    "--super-prefix",
    "--list-cmds",
    "--attr-source",
];

/// Reads a `git` invocation; `None` when the command is not git.
pub fn git_call(c: &SimpleCommand) -> Option<GitCall> {
    let program = c.argv.first()?;
    let name = program.rsplit(['/', '\\']).next().unwrap_or(program);
    // Case-insensitive file systems run `GIT` and `git.EXE` as git.
    let name = name.to_ascii_lowercase();
    if name != "git" && name != "git.exe" {
        return None;
    }
    let mut call = GitCall::default();
    // GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n, as git reads them.
    if let Some(n) = c
        .env
        .get("GIT_CONFIG_COUNT")
        .and_then(|n| n.trim().parse::<usize>().ok())
    {
        for i in 0..n.min(1024) {
            if let Some(k) = c.env.get(&format!("GIT_CONFIG_KEY_{i}")) {
                let v = c
                    .env
                    .get(&format!("GIT_CONFIG_VALUE_{i}"))
                    .cloned()
                    .unwrap_or_default();
                call.config.push(Setting {
                    key: config_key(k),
                    value: v,
                });
            }
        }
    }
    if let Some(params) = c.env.get("GIT_CONFIG_PARAMETERS") {
        for (k, v) in config_parameters(params) {
            call.config.push(Setting {
                key: config_key(&k),
                value: v,
            });
        }
    }
    let mut i = 1;
    let args = &c.argv;
    while i < args.len() {
        let a = args[i].as_str();
        if !a.starts_with('-') {
            break;
        }
        let (flag, attached) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a, None),
        };
        if GLOBAL_WITH_VALUE.contains(&flag) {
            let value = match attached {
                Some(v) => v,
                None => {
                    i += 1;
                    args.get(i).cloned().unwrap_or_default()
                }
            };
            match flag {
                "-c" => {
                    let (k, v) = value.split_once('=').unwrap_or((&value, "true"));
                    call.config.push(Setting {
                        key: config_key(k),
                        value: v.to_string(),
                    });
                }
                "--config-env" => {
                    if let Some((k, var)) = value.split_once('=') {
                        call.config.push(Setting {
                            key: config_key(k),
                            value: c.env.get(var).cloned().unwrap_or_else(|| format!("${var}")),
                        });
                    }
                }
                "-C" => {
                    call.dir = Some(match (&call.dir, value.starts_with('/')) {
                        (Some(d), false) => format!("{d}/{value}"),
                        _ => value,
                    })
                }
                _ => {}
            }
        } else if a.starts_with("-c") && a.len() > 2 {
            // `-ckey=value`: git does not accept it, but reads nothing else from it either.
        }
        i += 1;
    }
    let Some(sub) = args.get(i) else {
        return Some(call);
    };
    call.subcommand = Some(sub.clone());
    let table = table(sub);
    let rest = &args[i + 1..];
    if sub == "config" {
        call.config_writes = config_writes(rest);
    }
    let mut j = 0;
    while j < rest.len() {
        let a = rest[j].as_str();
        j += 1;
        if a == "--" {
            call.args.extend(rest[j..].iter().cloned());
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, attached) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let Some((full, takes)) = resolve_long(table, name) else {
                set(
                    &mut call.options,
                    name.to_string(),
                    attached.map_or(serde_json::Value::Bool(true), Into::into),
                );
                continue;
            };
            let value = match (takes, attached) {
                (_, Some(v)) => serde_json::Value::String(v),
                (Value, None) => {
                    let v = rest.get(j).cloned().unwrap_or_default();
                    j += 1;
                    serde_json::Value::String(v)
                }
                _ => serde_json::Value::Bool(true),
            };
            record(&mut call, full, value);
            continue;
        }
        if a.len() > 1 && a.starts_with('-') && !a.starts_with("--") {
            // A bundle of short options; one that takes a value ends it.
            let letters: Vec<char> = a[1..].chars().collect();
            let mut k = 0;
            while k < letters.len() {
                let ch = letters[k];
                k += 1;
                let Some(&(full, _, takes)) = table.iter().find(|(_, s, _)| *s == Some(ch)) else {
                    set(
                        &mut call.options,
                        format!("-{ch}"),
                        serde_json::Value::Bool(true),
                    );
                    continue;
                };
                let attached: String = letters[k..].iter().collect();
                let value = match takes {
                    No => serde_json::Value::Bool(true),
                    Optional => {
                        k = letters.len();
                        if attached.is_empty() {
                            serde_json::Value::Bool(true)
                        } else {
                            attached.into()
                        }
                    }
                    Value => {
                        k = letters.len();
                        if attached.is_empty() {
                            let v = rest.get(j).cloned().unwrap_or_default();
                            j += 1;
                            v.into()
                        } else {
                            attached.into()
                        }
                    }
                };
                record(&mut call, full, value);
            }
            continue;
        }
        call.args.push(a.to_string());
    }
    Some(call)
}

/// An option's long name from what was typed: exact, or an unambiguous prefix (git accepts
/// `--no-ver`); `--no-X` for an X without its own `no-` entry is X's negation.
fn resolve_long(
    table: &'static [(&'static str, Option<char>, Takes)],
    name: &str,
) -> Option<(&'static str, Takes)> {
    if let Some(&(n, _, t)) = table.iter().find(|(n, _, _)| *n == name) {
        return Some((n, t));
    }
    let mut hits = table.iter().filter(|(n, _, _)| n.starts_with(name));
    if let (Some(&(n, _, t)), None) = (hits.next(), hits.next())
        && !name.is_empty()
    {
        return Some((n, t));
    }
    None
}

fn set(options: &mut BTreeMap<String, serde_json::Value>, name: String, value: serde_json::Value) {
    options.insert(name, value);
}

/// Records an option; a negation removes its counterpart (`--verify` after `--no-verify`).
fn record(call: &mut GitCall, name: &str, value: serde_json::Value) {
    match name {
        "message" => {
            if let serde_json::Value::String(s) = &value {
                call.messages.push(s.clone());
            }
        }
        "file" => {
            if let serde_json::Value::String(s) = &value {
                call.message_file = Some(s.clone());
            }
        }
        "trailer" => {
            if let serde_json::Value::String(s) = &value {
                call.trailers.push(s.clone());
            }
        }
        _ => {}
    }
    let counterpart = match name.strip_prefix("no-") {
        Some(base) => base.to_string(),
        None => format!("no-{name}"),
    };
    call.options.remove(&counterpart);
    call.options.insert(name.to_string(), value);
}

/// `GIT_CONFIG_PARAMETERS` as git writes it: `'key'='value'` or `'key=value'` entries separated by
/// blanks, each part single-quoted with `'\''` for a quote.
fn config_parameters(text: &str) -> Vec<(String, String)> {
    let b = text.as_bytes();
    let mut i = 0;
    let quoted = |i: &mut usize| -> Option<String> {
        if b.get(*i) != Some(&b'\'') {
            return None;
        }
        *i += 1;
        let mut out = Vec::new();
        while *i < b.len() {
            if b[*i] == b'\'' {
                if b[*i..].starts_with(b"'\\''") {
                    out.push(b'\'');
                    *i += 4;
                    continue;
                }
                *i += 1;
                return Some(String::from_utf8_lossy(&out).into_owned());
            }
            out.push(b[*i]);
            *i += 1;
        }
        Some(String::from_utf8_lossy(&out).into_owned())
    };
    let mut out = Vec::new();
    while i < b.len() && out.len() < 1024 {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let Some(first) = quoted(&mut i) else {
            // Not git's quoting: read up to the next blank as `key=value`.
            let end = b[i..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(b.len(), |n| i + n);
            let word = String::from_utf8_lossy(&b[i..end]).into_owned();
            let (k, v) = word.split_once('=').unwrap_or((&word, "true"));
            out.push((k.to_string(), v.to_string()));
            i = end;
            continue;
        };
        if b.get(i) == Some(&b'=') {
            i += 1;
            let v = quoted(&mut i).unwrap_or_default();
            out.push((first, v));
        } else {
            let (k, v) = first.split_once('=').unwrap_or((&first, "true"));
            out.push((k.to_string(), v.to_string()));
        }
    }
    out
}

/// A configuration key as git compares it: section and name lower-cased, a subsection kept.
pub fn config_key(key: &str) -> String {
    let key = key.trim();
    match (key.find('.'), key.rfind('.')) {
        (Some(first), Some(last)) if first != last => format!(
            "{}{}{}",
            key[..first].to_ascii_lowercase(),
            &key[first..last],
            key[last..].to_ascii_lowercase()
        ),
        _ => key.to_ascii_lowercase(),
    }
}

/// `git config [scope] KEY VALUE`, `git config set KEY VALUE`, `--unset KEY`, `unset KEY`, `--add`.
fn config_writes(rest: &[String]) -> Vec<ConfigWrite> {
    let mut scope = "local".to_string();
    let mut mode: Option<&str> = None;
    let mut positional: Vec<&str> = Vec::new();
    let mut k = 0;
    let mut verb: Option<&str> = None;
    while k < rest.len() {
        let a = rest[k].as_str();
        k += 1;
        match a {
            "--global" | "--system" | "--local" | "--worktree" => {
                scope = a.trim_start_matches('-').to_string()
            }
            "-f" | "--file" | "--blob" => {
                scope = format!("file {}", rest.get(k).map(String::as_str).unwrap_or(""));
                k += 1;
            }
            "--unset" | "--unset-all" => mode = Some("unset"),
            "--add" | "--replace-all" => mode = Some("set"),
            "--type" | "--default" | "--comment" | "--value" => k += 1,
            s if s.starts_with("--file=") => scope = format!("file {}", &s[7..]),
            s if s.starts_with('-') => {
                if matches!(
                    s,
                    "-l" | "--list" | "--get" | "--get-all" | "--get-regexp" | "-e" | "--edit"
                ) {
                    mode = Some("read");
                }
            }
            s => {
                if verb.is_none()
                    && positional.is_empty()
                    && matches!(
                        s,
                        "set"
                            | "unset"
                            | "get"
                            | "list"
                            | "edit"
                            | "rename-section"
                            | "remove-section"
                    )
                {
                    verb = Some(s);
                    continue;
                }
                positional.push(s);
            }
        }
    }
    let mode = match (verb, mode) {
        (Some("set"), _) => "set",
        (Some("unset"), _) => "unset",
        (Some(_), _) => "read",
        (None, Some(m)) => m,
        (None, None) if positional.len() >= 2 => "set",
        _ => "read",
    };
    match (mode, positional.first()) {
        ("set", Some(key)) => vec![ConfigWrite {
            key: config_key(key),
            value: Some(positional.get(1).copied().unwrap_or("").to_string()),
            scope,
        }],
        ("unset", Some(key)) => vec![ConfigWrite {
            key: config_key(key),
            value: None,
            scope,
        }],
        _ => Vec::new(),
    }
}

/// The files a command writes, as written (relative to its working directory): redirection
/// targets and the operands of the commands that change files.
pub fn touched(c: &SimpleCommand) -> Vec<String> {
    let mut out: Vec<String> = c
        .redirects
        .iter()
        .filter(|r| r.writes())
        .map(|r| r.target.clone())
        .collect();
    let Some(program) = c.argv.first() else {
        return out;
    };
    let program = program.rsplit('/').next().unwrap_or(program);
    let operands: Vec<&String> = c.argv[1..]
        .iter()
        .filter(|a| !a.starts_with('-') || a.as_str() == "-")
        .collect();
    // `-i`, `-i.bak`, `--in-place`, and `i` in a bundle of short flags (`-Ei`, `-ni`, `-0pi`).
    let in_place = || {
        c.argv[1..].iter().any(|a| {
            a.starts_with("--in-place")
                || (a.starts_with('-')
                    && !a.starts_with("--")
                    && a[1..].split('.').next().is_some_and(|f| f.contains('i')))
        })
    };
    // `cp -t DIR`, `--target-directory=DIR`.
    let target_dir = c.argv[1..].iter().enumerate().find_map(|(k, a)| {
        if a == "-t" || a == "--target-directory" {
            c.argv.get(k + 2).cloned()
        } else {
            a.strip_prefix("--target-directory=").map(str::to_string)
        }
    });
    match program {
        "cp" | "ln" | "install" | "rsync" | "mv" if target_dir.is_some() => {
            out.extend(target_dir);
        }
        "find" if c.argv.iter().any(|a| a == "-delete") => {
            out.extend(
                c.argv[1..]
                    .iter()
                    .take_while(|a| !a.starts_with('-'))
                    .cloned(),
            );
        }
        "tar" | "unzip" | "bsdtar" => {
            let flag = if program == "unzip" { "-d" } else { "-C" };
            if let Some(k) = c.argv.iter().position(|a| a == flag) {
                out.extend(c.argv.get(k + 1).cloned());
            }
            out.extend(
                c.argv
                    .iter()
                    .filter_map(|a| a.strip_prefix("--directory="))
                    .map(str::to_string),
            );
        }
        "rm" | "rmdir" | "unlink" | "shred" | "truncate" | "touch" | "mv" | "tee" => {
            out.extend(operands.into_iter().cloned())
        }
        "cp" | "ln" | "install" | "rsync" => {
            if let Some(last) = operands.last() {
                out.push((*last).clone());
            }
        }
        "chmod" | "chown" | "chgrp" | "chattr" => {
            // A mode may start with `-` (`chmod -x f`): only the real options are skipped, then
            // the mode (or owner), unless `--reference` gave it.
            let mut words = c.argv[1..].iter().filter(|a| {
                !matches!(
                    a.as_str(),
                    "-R" | "-v"
                        | "-c"
                        | "-f"
                        | "-h"
                        | "-H"
                        | "-L"
                        | "-P"
                        | "--recursive"
                        | "--verbose"
                        | "--changes"
                        | "--silent"
                        | "--quiet"
                        | "--dereference"
                        | "--no-dereference"
                        | "--"
                ) && !a.starts_with("--reference")
                    && !a.starts_with("--from")
            });
            if !c.argv.iter().any(|a| a.starts_with("--reference")) {
                words.next();
            }
            out.extend(words.cloned());
        }
        "sed" | "perl" if in_place() => {
            // The first operand of sed is the script unless `-e`/`-f` gave it.
            let scripted = c.argv[1..]
                .iter()
                .any(|a| a == "-e" || a == "-f" || a.starts_with("--expression"));
            let skip = usize::from(program == "sed" && !scripted)
                + usize::from(program == "perl" && !c.argv.iter().any(|a| a == "-e"));
            out.extend(operands.into_iter().skip(skip).cloned());
        }
        "dd" => out.extend(
            c.argv[1..]
                .iter()
                .filter_map(|a| a.strip_prefix("of="))
                .map(str::to_string),
        ),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::shell::parse;

    fn git(text: &str) -> GitCall {
        let s = parse(text);
        s.commands
            .iter()
            .find_map(git_call)
            .unwrap_or_else(|| panic!("{text}: no git"))
    }

    #[test]
    fn short_options_mean_what_git_makes_them_mean() {
        assert!(git("git commit -n -m x").options.contains_key("no-verify"));
        assert!(git("git commit -anm x").options.contains_key("no-verify"));
        assert_eq!(git("git commit -anm x").messages, vec!["x"]);
        // -m takes the rest of the bundle: `-mn` is the message "n", not --no-verify.
        let c = git("git commit -mn");
        assert_eq!(c.messages, vec!["n"]);
        assert!(!c.options.contains_key("no-verify"));
        assert!(git("git push -n").options.contains_key("dry-run"));
        assert!(!git("git push -n").options.contains_key("no-verify"));
        assert!(git("git merge -n topic").options.contains_key("no-stat"));
        assert!(git("git am -n x.patch").options.contains_key("no-verify"));
    }

    #[test]
    fn long_options_abbreviated_negated_and_after_dashdash() {
        assert!(
            git("git commit --no-ver -m x")
                .options
                .contains_key("no-verify")
        );
        assert!(
            !git("git commit --no-verify --verify")
                .options
                .contains_key("no-verify")
        );
        assert!(
            git("git commit --verify --no-verify")
                .options
                .contains_key("no-verify")
        );
        assert!(
            !git("git commit -m x -- --no-verify")
                .options
                .contains_key("no-verify")
        );
        assert_eq!(
            git("git commit -m x -- --no-verify").args,
            vec!["--no-verify"]
        );
        assert!(
            git("git commit --no-gpg-sign")
                .options
                .contains_key("no-gpg-sign")
        );
        assert!(
            !git("git commit --no-gpg-sign -S")
                .options
                .contains_key("no-gpg-sign")
        );
        assert_eq!(git("git commit --message=a -m b").messages, vec!["a", "b"]);
        assert_eq!(
            git("git commit -F msg.txt").message_file.as_deref(),
            Some("msg.txt")
        );
    }

    #[test]
    fn configuration_from_every_source() {
        let c = git("git -c core.hooksPath=/dev/null commit -m x");
        assert_eq!(c.config[0].key, "core.hookspath");
        assert_eq!(c.subcommand.as_deref(), Some("commit"));
        let c = git(
            "GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.hooksPath GIT_CONFIG_VALUE_0=x git commit",
        );
        assert_eq!(c.config[0].key, "core.hookspath");
        let c = git("H=/tmp git --config-env=core.hooksPath=H commit");
        assert_eq!(
            c.config[0],
            Setting {
                key: "core.hookspath".into(),
                value: "/tmp".into()
            }
        );
        let c = git("git -C sub -c Commit.GpgSign=false commit");
        assert_eq!(c.dir.as_deref(), Some("sub"));
        assert_eq!(c.config[0].key, "commit.gpgsign");
        assert_eq!(config_key("Remote.Origin.URL"), "remote.Origin.url");
        let w = git("git config --local core.hooksPath .nohooks").config_writes;
        assert_eq!(w[0].key, "core.hookspath");
        assert_eq!(w[0].value.as_deref(), Some(".nohooks"));
        assert_eq!(
            git("git config set core.hooksPath x").config_writes[0].scope,
            "local"
        );
        assert_eq!(
            git("git config --unset core.hooksPath").config_writes[0].value,
            None
        );
        assert!(git("git config core.hooksPath").config_writes.is_empty());
        assert!(
            git("git config --get core.hooksPath")
                .config_writes
                .is_empty()
        );
    }

    #[test]
    fn files_a_command_writes() {
        let t = |text: &str| {
            parse(text)
                .commands
                .iter()
                .flat_map(touched)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            t("rm -f .git/hooks/pre-commit"),
            vec![".git/hooks/pre-commit"]
        );
        assert_eq!(
            t("chmod -x .git/hooks/commit-msg"),
            vec![".git/hooks/commit-msg"]
        );
        assert_eq!(
            t("cp /tmp/x .git/hooks/pre-commit"),
            vec![".git/hooks/pre-commit"]
        );
        assert_eq!(
            t("echo exit 0 > .git/hooks/pre-push"),
            vec![".git/hooks/pre-push"]
        );
        assert_eq!(
            t("sed -i 's/deny/warn/' .charter/charter.yaml"),
            vec![".charter/charter.yaml"]
        );
        assert!(t("sed 's/a/b/' .charter/charter.yaml").is_empty());
        assert!(t("cat .git/hooks/pre-commit 2>&1").is_empty());
        assert_eq!(t("dd if=/dev/zero of=.charter/x"), vec![".charter/x"]);
    }
}
