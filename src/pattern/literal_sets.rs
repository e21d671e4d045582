//! The pure core of required-literal extraction (`pattern::literals`), in a file of its own so
//! that `build.rs` compiles it too (`#[path]`) and computes the sets of the built-in patterns at
//! build time: extracting them at run time was ~37 M instructions of every pre-commit run and
//! ~48 M of every commit-msg run. Depends on `regex_syntax` and `std` only.

/// Every literal set every match of `pattern` needs one literal of (see
/// `literals::required_literal_sets`), computed; `unicode` is the pattern's Unicode mode.
pub fn compute(pattern: &str, unicode: bool) -> Vec<Vec<Vec<u8>>> {
    // The AST, not the HIR: translating to HIR (case folding, Unicode tables) costs ten times
    // the parse, and the literals are needed for every pattern of a catalogue at once.
    let Ok(ast) = regex_syntax::ast::parse::Parser::new().parse(pattern) else {
        return Vec::new();
    };
    let mut flags = extract::Flags {
        case_insensitive: false,
        unicode,
    };
    extract::analyze(&ast, &mut flags).best()
}

/// The non-ASCII characters `(?i)` matches for ASCII letters (KELVIN SIGN for `k`, LONG S for `s`).
pub const FOLDED: [(char, u8); 2] = [('\u{212A}', b'k'), ('\u{17F}', b's')];

mod extract {
    //! Required-literal extraction over `regex_syntax`'s AST. Each node yields the finite set of
    //! strings it can match (`exact`, when small) and a set one of which every match contains
    //! (`required`); concatenations join exact neighbours into longer literals. Whatever is not
    //! understood (Unicode classes, non-ASCII letters under `(?i)`, set operations) is "anything",
    //! which only makes the result less selective, never wrong.

    use regex_syntax::ast::{
        self, Ast, ClassSet, ClassSetItem, Flag, GroupKind, RepetitionKind, RepetitionRange,
    };

    /// Most strings a set may hold before it is shortened (required) or dropped (exact).
    const MAX_SET: usize = 256;
    /// Largest class expanded into single-character literals.
    const MAX_CLASS: usize = 12;
    /// Longest exact string; longer runs are split (a prefix of a required literal is required).
    const MAX_LEN: usize = 48;

    type Set = Vec<Vec<u8>>;

    /// The flags in force, as the translator tracks them: set by `(?i)` for the rest of the
    /// enclosing group (later alternatives included), restored when the group ends.
    #[derive(Clone, Copy)]
    pub(super) struct Flags {
        pub(super) case_insensitive: bool,
        pub(super) unicode: bool,
    }

    impl Flags {
        fn apply(&mut self, f: &ast::Flags) {
            if let Some(on) = f.flag_state(Flag::CaseInsensitive) {
                self.case_insensitive = on;
            }
            if let Some(on) = f.flag_state(Flag::Unicode) {
                self.unicode = on;
            }
        }
    }

    /// Most sets kept in a conjunction (the most selective ones).
    const MAX_CONJ: usize = 4;

    pub(super) struct Lits {
        exact: Option<Set>,
        /// Sets every match needs one literal of, each of them (a conjunction).
        required: Vec<Set>,
    }

    impl Lits {
        fn exact(set: Option<Set>) -> Lits {
            Lits {
                exact: set,
                required: Vec::new(),
            }
        }

        fn empty() -> Lits {
            Lits::exact(Some(vec![Vec::new()]))
        }

        /// The sets every match needs, most selective first: literals that can be empty prove nothing.
        pub(super) fn best(self) -> Vec<Set> {
            let from_exact = self.exact.filter(|e| e.iter().all(|s| !s.is_empty()));
            conjunction(from_exact.into_iter().chain(self.required).collect())
        }
    }

    /// Keeps the `MAX_CONJ` most selective distinct sets.
    fn conjunction(mut sets: Vec<Set>) -> Vec<Set> {
        sets.sort_by_key(|s| std::cmp::Reverse(score(s)));
        let mut out: Vec<Set> = Vec::new();
        for s in sets {
            if out.len() == MAX_CONJ {
                break;
            }
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    /// Longer shortest literal first (short ones hit everywhere), then fewer literals.
    fn score(s: &Set) -> (usize, std::cmp::Reverse<usize>) {
        let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
        (shortest.min(6), std::cmp::Reverse(s.len()))
    }

    fn dedup(mut s: Set) -> Set {
        s.sort();
        s.dedup();
        s
    }

    /// Fits a required set under `MAX_SET` by cutting its literals shorter (still required).
    fn shrink(mut s: Set) -> Option<Set> {
        s = dedup(s);
        let mut len = s.iter().map(Vec::len).max().unwrap_or(0);
        while s.len() > MAX_SET && len > 1 {
            len -= 1;
            for x in &mut s {
                x.truncate(len);
            }
            s = dedup(s);
        }
        (s.len() <= MAX_SET && s.iter().all(|x| !x.is_empty())).then_some(s)
    }

    fn cross(a: &Set, b: &Set) -> Option<Set> {
        if a.len().saturating_mul(b.len()) > MAX_SET {
            return None;
        }
        let mut out = Vec::with_capacity(a.len() * b.len());
        for x in a {
            for y in b {
                if x.len() + y.len() > MAX_LEN {
                    return None;
                }
                let mut z = x.clone();
                z.extend_from_slice(y);
                out.push(z);
            }
        }
        Some(dedup(out))
    }

    /// The strings one character can match, ASCII-lower-cased. Under `(?i)` an ASCII letter also
    /// matches its non-ASCII simple case folds (only `k`: KELVIN SIGN and `s`: LONG S have any,
    /// pinned by a test against regex-syntax): the text is folded instead (`fold`). Non-ASCII
    /// letters' folds are not known here: under `(?i)` they match anything.
    fn char_set(c: char, flags: Flags) -> Option<Set> {
        if !c.is_ascii() && !flags.unicode {
            return None; // a raw byte, not this character
        }
        if super::FOLDED.iter().any(|&(from, _)| from == c) {
            return None; // the text is searched with these folded away
        }
        let mut buf = [0u8; 4];
        let out = vec![
            c.to_ascii_lowercase()
                .encode_utf8(&mut buf)
                .as_bytes()
                .to_vec(),
        ];
        // ASCII letters under `(?i)` also match KELVIN SIGN and LONG S; `fold` maps those in the
        // text, which keeps sets small (no 2^n spellings of `assisted`).
        if flags.case_insensitive
            && !c.is_ascii()
            && (c.is_alphabetic() || c.to_lowercase().ne(c.to_uppercase()))
        {
            return None;
        }
        Some(out)
    }

    fn class_item(item: &ClassSetItem, flags: Flags, out: &mut Set) -> Option<()> {
        match item {
            ClassSetItem::Empty(_) => {}
            ClassSetItem::Literal(l) => out.extend(char_set(l.c, flags)?),
            ClassSetItem::Range(r) => {
                let (a, b) = (r.start.c, r.end.c);
                if !a.is_ascii() || !b.is_ascii() || (b as u32).saturating_sub(a as u32) > 16 {
                    return None;
                }
                for c in a..=b {
                    out.extend(char_set(c, flags)?);
                }
            }
            ClassSetItem::Union(u) => {
                for i in &u.items {
                    class_item(i, flags, out)?;
                }
            }
            _ => return None,
        }
        (out.len() <= 2 * MAX_CLASS).then_some(())
    }

    pub(super) fn analyze(a: &Ast, flags: &mut Flags) -> Lits {
        match a {
            Ast::Empty(_) | Ast::Assertion(_) => Lits::empty(),
            Ast::Flags(f) => {
                flags.apply(&f.flags);
                Lits::empty()
            }
            Ast::Literal(l) => Lits::exact(char_set(l.c, *flags)),
            Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) => Lits::exact(None),
            Ast::ClassBracketed(c) => {
                let mut out = Vec::new();
                let ok = match &c.kind {
                    ClassSet::Item(item) if !c.negated => class_item(item, *flags, &mut out),
                    _ => None,
                };
                Lits::exact(ok.map(|_| dedup(out)))
            }
            Ast::Group(g) => {
                let saved = *flags;
                if let GroupKind::NonCapturing(f) = &g.kind {
                    flags.apply(f);
                }
                let inner = analyze(&g.ast, flags);
                *flags = saved;
                inner
            }
            Ast::Repetition(r) => {
                let sub = analyze(&r.ast, flags);
                let (min, max) = match &r.op.kind {
                    RepetitionKind::ZeroOrOne => (0, Some(1)),
                    RepetitionKind::ZeroOrMore => (0, None),
                    RepetitionKind::OneOrMore => (1, None),
                    RepetitionKind::Range(RepetitionRange::Exactly(n)) => (*n, Some(*n)),
                    RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (*n, None),
                    RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
                };
                repetition(sub, min, max)
            }
            Ast::Concat(c) => {
                let subs: Vec<Lits> = c.asts.iter().map(|x| analyze(x, flags)).collect();
                concat(subs)
            }
            Ast::Alternation(alt) => {
                let subs: Vec<Lits> = alt.asts.iter().map(|x| analyze(x, flags)).collect();
                alternation(subs)
            }
        }
    }

    fn repetition(sub: Lits, min: u32, max: Option<u32>) -> Lits {
        match (min, max) {
            (0, Some(0)) => Lits::empty(),
            // `x?` can match x or nothing: still exact; `x*` is not.
            (0, Some(1)) => Lits::exact(sub.exact.map(|mut e| {
                e.push(Vec::new());
                dedup(e)
            })),
            (0, _) => Lits::exact(None),
            (1, Some(1)) => sub,
            _ => Lits {
                exact: None,
                required: sub.best(),
            },
        }
    }

    /// Whatever branch matched, one of its sets holds: so the union of one set per branch is
    /// required. Picks, for each set of the first branch, the same set in the other branches
    /// when they have it (shared vocabulary) and their best set otherwise, and the i-th set
    /// of every branch together.
    fn either(branches: Vec<Vec<Set>>) -> Vec<Set> {
        if branches.is_empty() || branches.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        let mut picks: Vec<Vec<usize>> = Vec::new();
        for (k, set) in branches[0].iter().enumerate() {
            picks.push(
                branches
                    .iter()
                    .enumerate()
                    .map(|(b, sets)| {
                        if b == 0 {
                            k
                        } else {
                            sets.iter().position(|x| x == set).unwrap_or(0)
                        }
                    })
                    .collect(),
            );
        }
        let longest = branches.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..longest {
            picks.push(branches.iter().map(|sets| i.min(sets.len() - 1)).collect());
        }
        let unions = picks
            .into_iter()
            .filter_map(|pick| {
                let union: Set = pick
                    .iter()
                    .zip(&branches)
                    .flat_map(|(&k, sets)| sets[k].iter().cloned())
                    .collect();
                shrink(union)
            })
            .collect();
        conjunction(unions)
    }

    fn alternation(subs: Vec<Lits>) -> Lits {
        let exact = if subs.iter().all(|s| s.exact.is_some()) {
            let all = dedup(
                subs.iter()
                    .flat_map(|s| s.exact.iter().flatten().cloned())
                    .collect(),
            );
            (all.len() <= MAX_SET).then_some(all)
        } else {
            None
        };
        Lits {
            exact,
            required: either(subs.into_iter().map(Lits::best).collect()),
        }
    }

    /// Every child is part of every match: the sets of all of them, and of each run of exact
    /// neighbours joined, are required together.
    fn concat(subs: Vec<Lits>) -> Lits {
        let mut whole: Option<Set> = Some(vec![Vec::new()]);
        let mut run: Set = vec![Vec::new()];
        let mut cands: Vec<Set> = Vec::new();
        let close = |run: &mut Set, cands: &mut Vec<Set>| {
            let done = std::mem::replace(run, vec![Vec::new()]);
            if done.iter().all(|s| !s.is_empty()) {
                cands.push(done);
            }
        };
        for l in subs {
            whole = match (&whole, &l.exact) {
                (Some(w), Some(e)) => cross(w, e),
                _ => None,
            };
            match l.exact {
                Some(e) => match cross(&run, &e) {
                    Some(joined) => run = joined,
                    None => {
                        close(&mut run, &mut cands);
                        run = e;
                    }
                },
                None => {
                    close(&mut run, &mut cands);
                    cands.extend(l.required);
                }
            }
        }
        close(&mut run, &mut cands);
        Lits {
            exact: whole,
            required: conjunction(cands),
        }
    }
}
