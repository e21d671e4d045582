//! The forms of a package name the typosquat check compares (separators removed, homoglyphs
//! folded, words sorted, scope split off), and the lookup table over a list of popular names that
//! build.rs writes into the binary and `names` reads in place: a hook that checks one name reads a
//! few hundred bytes of it and parses nothing. Pure and dependency-free, so build.rs compiles this
//! very file (`#[path]`) and both sides agree on every form and hash.
//!
//! Table layout (all integers u32, little-endian): a header (magic, name count, target count, form
//! count, longest target), then the sorted names (offsets, then text) for membership, the targets
//! in rank order (offsets, then text), the forms (hashes sorted, then the rank of each), and the
//! targets by length (ranks sorted by length and rank, then where each length starts).

/// Form kinds in the table.
pub const EXACT: u8 = b'r';
pub const JOINED: u8 = b'j';
pub const SKELETON: u8 = b's';
pub const WORDS: u8 = b'w';
/// The name under a scoped target's scope (`@org/tool` → `tool`).
pub const SCOPED_BARE: u8 = b'b';

const MAGIC: u32 = 0x6463_6e31; // "dcn1"

/// A name as its registry compares names: `pypi` per PEP 503 (case and runs of `-_.` folded),
/// `cargo` with `-` and `_` the same, every other ecosystem case-folded only; surrounding
/// whitespace removed. Normalising a normalised name changes nothing.
pub fn normalize(ecosystem: &str, name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    match ecosystem {
        // PEP 503: `re.sub(r"[-_.]+", "-", name).lower()`, leading and trailing runs included.
        "pypi" => {
            let mut out = String::with_capacity(lower.len());
            for c in lower.chars() {
                if matches!(c, '-' | '_' | '.') {
                    if !out.ends_with('-') {
                        out.push('-');
                    }
                    continue;
                }
                out.push(c);
            }
            out
        }
        "cargo" => lower.replace('_', "-"),
        _ => lower,
    }
}

pub fn is_sep(c: char) -> bool {
    matches!(c, '-' | '_' | '.' | '@' | '/' | ':')
}

/// The name without separators.
pub fn joined(s: &str) -> String {
    s.chars().filter(|c| !is_sep(*c)).collect()
}

/// The name without separators, ASCII homoglyphs folded to one form.
pub fn skeleton(s: &str) -> String {
    let j = joined(s)
        .replace("rn", "m")
        .replace("vv", "w")
        .replace("cl", "d");
    j.chars()
        .map(|c| match c {
            '1' | 'i' | 'l' | '|' => 'l',
            '0' => 'o',
            '5' => 's',
            _ => c,
        })
        .collect()
}

/// The words of a name, sorted (for reordering).
pub fn words(s: &str) -> Vec<&str> {
    let mut w: Vec<&str> = s.split(is_sep).filter(|w| !w.is_empty()).collect();
    w.sort_unstable();
    w
}

pub fn split_scope(name: &str) -> (Option<&str>, &str) {
    match name.strip_prefix('@').and_then(|r| r.split_once('/')) {
        Some((s, b)) => (Some(s), b),
        None => (None, name),
    }
}

/// Edits allowed between a name and a target of `len` bytes: none for short names (too many
/// real packages sit one edit from a four-letter one), one from five on.
pub fn edits_allowed(len: usize) -> usize {
    usize::from(len >= 5)
}

/// FNV-1a over the form kind and the key: equal forms hash alike; a collision only adds a
/// candidate, which is then compared exactly.
pub fn hash(kind: u8, key: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in std::iter::once(kind).chain(key.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Every form of target `t` the table lists.
fn forms_of(t: &str) -> Vec<(u8, String)> {
    let mut out = vec![
        (EXACT, t.to_string()),
        (JOINED, joined(t)),
        (SKELETON, skeleton(t)),
    ];
    let w = words(t);
    if w.len() > 1 {
        out.push((WORDS, w.join("\0")));
    }
    if let (Some(_), bare) = split_scope(t) {
        out.push((SCOPED_BARE, bare.to_string()));
    }
    out
}

/// The table of `names` (normalised, unique, most popular first), of which the first `targets`
/// are compared with unknown names. Targets shorter than four bytes are listed but never matched.
pub fn build(names: &[String], targets: usize) -> Vec<u8> {
    let targets = &names[..targets.min(names.len())];
    let mut sorted: Vec<&str> = names.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut forms: Vec<(u32, u32)> = Vec::new();
    for (rank, t) in targets.iter().enumerate() {
        if t.len() < 4 {
            continue;
        }
        for (kind, key) in forms_of(t) {
            forms.push((hash(kind, &key), rank as u32));
        }
    }
    forms.sort_unstable();
    forms.dedup();
    let mut by_len: Vec<(usize, u32)> = targets
        .iter()
        .enumerate()
        .filter(|(_, t)| t.len() >= 4)
        .map(|(rank, t)| (t.len(), rank as u32))
        .collect();
    by_len.sort_unstable();
    let longest = by_len.last().map_or(0, |x| x.0);
    let mut out = Vec::new();
    let put = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    for v in [
        MAGIC,
        sorted.len() as u32,
        targets.len() as u32,
        forms.len() as u32,
        longest as u32,
    ] {
        put(&mut out, v);
    }
    for list in [
        &sorted[..],
        &targets.iter().map(String::as_str).collect::<Vec<_>>()[..],
    ] {
        let mut at = 0u32;
        put(&mut out, 0);
        for s in list {
            at += s.len() as u32;
            put(&mut out, at);
        }
        for s in list {
            out.extend_from_slice(s.as_bytes());
        }
    }
    for (h, _) in &forms {
        put(&mut out, *h);
    }
    for (_, r) in &forms {
        put(&mut out, *r);
    }
    for (_, r) in &by_len {
        put(&mut out, *r);
    }
    // starts[len] = index in by_len of the first target of that length, for len 0..=longest+1.
    let mut i = 0;
    for len in 0..=longest + 1 {
        while i < by_len.len() && by_len[i].0 < len {
            i += 1;
        }
        put(&mut out, i as u32);
    }
    out
}

/// A table `build` wrote, read in place.
#[derive(Clone, Copy)]
pub struct Table<'a> {
    bytes: &'a [u8],
    names: usize,
    targets: usize,
    forms: usize,
    longest: usize,
    /// Byte offsets of the sections.
    sorted_at: usize,
    targets_at: usize,
    forms_at: usize,
    by_len_at: usize,
    /// Where `starts` (the first by-length index of each length 0..=longest+1) begins.
    starts_at: usize,
}

impl<'a> Table<'a> {
    /// `None` for bytes `build` did not write.
    pub fn read(bytes: &'a [u8]) -> Option<Table<'a>> {
        let word = |i: usize| -> Option<usize> {
            let b = bytes.get(i * 4..i * 4 + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        if word(0)? != MAGIC as usize {
            return None;
        }
        let (names, targets, forms, longest) = (word(1)?, word(2)?, word(3)?, word(4)?);
        let sorted_at = 20;
        let sorted_text = sorted_at + (names + 1) * 4;
        let end_of = |offsets_at: usize, n: usize| -> Option<usize> {
            let b = bytes.get(offsets_at + n * 4..offsets_at + n * 4 + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let targets_at = sorted_text + end_of(sorted_at, names)?;
        let targets_text = targets_at + (targets + 1) * 4;
        let forms_at = targets_text + end_of(targets_at, targets)?;
        let by_len_at = forms_at + forms * 8;
        // `starts` ends the table; its last entry is the number of by-length ranks before it.
        let last = bytes.get(bytes.len().checked_sub(4)?..)?;
        let by_len_count = u32::from_le_bytes([last[0], last[1], last[2], last[3]]) as usize;
        let starts_at = by_len_at + by_len_count * 4;
        if bytes.len() != starts_at + (longest + 2) * 4 {
            return None;
        }
        Some(Table {
            bytes,
            names,
            targets,
            forms,
            longest,
            sorted_at,
            targets_at,
            forms_at,
            by_len_at,
            starts_at,
        })
    }

    fn u32_at(&self, at: usize) -> usize {
        let b = &self.bytes[at..at + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
    }

    fn string(&self, offsets_at: usize, count: usize, i: usize) -> &'a str {
        let text = offsets_at + (count + 1) * 4;
        let (s, e) = (
            self.u32_at(offsets_at + i * 4),
            self.u32_at(offsets_at + i * 4 + 4),
        );
        std::str::from_utf8(&self.bytes[text + s..text + e]).unwrap_or("")
    }

    /// How many names the list holds.
    pub fn len(&self) -> usize {
        self.names
    }

    pub fn is_empty(&self) -> bool {
        self.names == 0
    }

    /// Whether `name` is on the list.
    pub fn contains(&self, name: &str) -> bool {
        let (mut lo, mut hi) = (0, self.names);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.string(self.sorted_at, self.names, mid).cmp(name) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    pub fn targets(&self) -> usize {
        self.targets
    }

    /// The target of rank `i`.
    pub fn target(&self, i: usize) -> &'a str {
        self.string(self.targets_at, self.targets, i)
    }

    /// The ranks of the targets with form `kind` equal to `key` (and of any whose form hashes alike).
    pub fn ranks_with(&self, kind: u8, key: &str) -> impl Iterator<Item = u32> + '_ {
        let h = hash(kind, key) as usize;
        let (mut lo, mut hi) = (0, self.forms);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.u32_at(self.forms_at + mid * 4) < h {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let ranks_at = self.forms_at + self.forms * 4;
        (lo..self.forms)
            .take_while(move |&i| self.u32_at(self.forms_at + i * 4) == h)
            .map(move |i| self.u32_at(ranks_at + i * 4) as u32)
    }

    /// The ranks of the targets `len` bytes long, most popular first.
    pub fn ranks_of_len(&self, len: usize) -> impl Iterator<Item = u32> + '_ {
        let (s, e) = if len > self.longest {
            (0, 0)
        } else {
            (
                self.u32_at(self.starts_at + len * 4),
                self.u32_at(self.starts_at + (len + 1) * 4),
            )
        };
        (s..e).map(move |i| self.u32_at(self.by_len_at + i * 4) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_twice_changes_nothing() {
        // Found by the manifest fuzz target: separators, then blanks, then a name.
        for name in [
            "-. = \"*\"",
            "Zope..Interface",
            "__x__",
            " a_B ",
            "-",
            "a-_-b",
            "",
            "\t_ x",
        ] {
            for eco in ["pypi", "cargo", "npm"] {
                let once = normalize(eco, name);
                assert_eq!(normalize(eco, &once), once, "{eco} {name:?}");
            }
        }
        assert_eq!(normalize("pypi", "Zope..Interface"), "zope-interface");
        assert_eq!(normalize("pypi", "__x__"), "-x-");
    }

    #[test]
    fn a_table_reads_back_what_was_built_and_nothing_else() {
        let names: Vec<String> = ["zeta-tool", "alpha", "@org/beta-kit", "abc", "gamma-ray"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let bytes = build(&names, 4);
        let t = Table::read(&bytes).unwrap();
        assert_eq!((t.len(), t.targets()), (5, 4));
        assert!(names.iter().all(|n| t.contains(n)));
        assert!(!t.contains("beta-kit") && !t.contains("") && !t.contains("zzz"));
        assert_eq!(
            (0..4).map(|i| t.target(i)).collect::<Vec<_>>(),
            ["zeta-tool", "alpha", "@org/beta-kit", "abc"]
        );
        assert_eq!(t.ranks_with(JOINED, "zetatool").collect::<Vec<_>>(), [0]);
        assert_eq!(
            t.ranks_with(SCOPED_BARE, "beta-kit").collect::<Vec<_>>(),
            [2]
        );
        assert_eq!(
            t.ranks_with(EXACT, "abc").count(),
            0,
            "short targets are never matched"
        );
        assert_eq!(t.ranks_of_len(5).collect::<Vec<_>>(), [1]);
        assert_eq!(t.ranks_of_len(9).collect::<Vec<_>>(), [0]);
        assert_eq!(t.ranks_of_len(99).count(), 0);
        assert!(Table::read(b"junk").is_none());
        assert!(Table::read(&bytes[..bytes.len() - 1]).is_none());
        // Text of any length: the sections after it are not 4-byte aligned.
        for extra in ["x", "xy", "xyz", "wxyz"] {
            let names = vec![format!("name-{extra}"), "other-name".to_string()];
            let t = build(&names, 2);
            let t = Table::read(&t).unwrap_or_else(|| panic!("{extra}"));
            assert!(t.contains(&names[0]) && t.ranks_of_len(names[0].len()).count() == 1);
        }
        let empty = build(&[], 10);
        assert!(Table::read(&empty).unwrap().is_empty());
    }
}
