//! Globs from the charter and rule files: checked while parsing, compiled into one set per purpose.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A glob from the charter, checked with `globset` while the charter is parsed so a bad glob
/// is reported with the charter's file and line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct GlobPattern(pub String);

impl<'de> Deserialize<'de> for GlobPattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if super::is_trusted() {
            return Ok(GlobPattern(s));
        }
        build(&s)
            .map_err(|e| serde::de::Error::custom(format!("invalid glob `{s}`: {}", e.kind())))?;
        Ok(GlobPattern(s))
    }
}

/// `*` does not cross `/`; `**` does (gitignore-like).
fn build(glob: &str) -> Result<globset::Glob, globset::Error> {
    GlobBuilder::new(glob).literal_separator(true).build()
}

impl GlobPattern {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The compiled glob.
    pub fn glob(&self) -> Result<globset::Glob, globset::Error> {
        build(&self.0)
    }
}

/// Globs per compiled `GlobSet`. globset compiles the globs it cannot match by literal, prefix or
/// extension into one regex with a fixed 10 MiB NFA limit, which a charter of 20,000 globs
/// exceeds ("error building NFA"); sets of this many stay far below it, and a path costs one
/// lookup per set.
const GLOBS_PER_SET: usize = 1024;

/// Many globs with owners, compiled into `GlobSet`s of at most `GLOBS_PER_SET` globs: a path costs
/// one lookup per set however many rules, classes or tiers own globs. Equal globs are compiled
/// once and share their owners.
#[derive(Debug, Clone)]
pub struct GlobIndex<O> {
    /// Each set with the index of its first glob.
    sets: Vec<(usize, GlobSet)>,
    owners: Vec<Vec<O>>,
}

#[derive(Debug)]
pub struct GlobIndexBuilder<O> {
    globs: Vec<globset::Glob>,
    index: HashMap<String, usize>,
    owners: Vec<Vec<O>>,
}

impl<O> Default for GlobIndexBuilder<O> {
    fn default() -> Self {
        GlobIndexBuilder {
            globs: Vec::new(),
            index: HashMap::new(),
            owners: Vec::new(),
        }
    }
}

impl<O> GlobIndexBuilder<O> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, glob: &GlobPattern, owner: O) -> Result<(), globset::Error> {
        let i = match self.index.get(glob.as_str()) {
            Some(&i) => i,
            None => {
                self.globs.push(glob.glob()?);
                self.owners.push(Vec::new());
                self.index.insert(glob.0.clone(), self.owners.len() - 1);
                self.owners.len() - 1
            }
        };
        self.owners[i].push(owner);
        Ok(())
    }

    pub fn build(self) -> Result<GlobIndex<O>, globset::Error> {
        let mut sets = Vec::with_capacity(self.globs.len().div_ceil(GLOBS_PER_SET));
        for (n, chunk) in self.globs.chunks(GLOBS_PER_SET).enumerate() {
            let mut b = GlobSetBuilder::new();
            for g in chunk {
                b.add(g.clone());
            }
            sets.push((n * GLOBS_PER_SET, b.build()?));
        }
        Ok(GlobIndex {
            sets,
            owners: self.owners,
        })
    }
}

impl<O> GlobIndex<O> {
    /// An index without globs: matches nothing.
    pub fn empty() -> GlobIndex<O> {
        GlobIndex {
            sets: Vec::new(),
            owners: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.owners.is_empty()
    }

    pub fn is_match(&self, path: &str) -> bool {
        self.sets.iter().any(|(_, s)| s.is_match(path))
    }

    /// The owners of every glob matching `path`, with the glob's index.
    pub fn matches<'i>(&'i self, path: &str) -> impl Iterator<Item = &'i O> + 'i {
        let mut hits = Vec::new();
        for (first, set) in &self.sets {
            hits.extend(set.matches(path).into_iter().map(|g| first + g));
        }
        hits.into_iter().flat_map(move |g| self.owners[g].iter())
    }
}

/// One `GlobSet` over plain globs (no owners): allowlists and exclude lists.
pub fn glob_set<'g>(
    globs: impl IntoIterator<Item = &'g GlobPattern>,
) -> Result<GlobSet, globset::Error> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(g.glob()?);
    }
    b.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_globs_share_owners_and_star_stays_in_a_directory() {
        let mut b = GlobIndexBuilder::new();
        let g = |s: &str| GlobPattern(s.to_string());
        b.add(&g("src/*.rs"), 'a').unwrap();
        b.add(&g("src/*.rs"), 'b').unwrap();
        b.add(&g("**/auth/**"), 'c').unwrap();
        let idx = b.build().unwrap();
        let mut got: Vec<char> = idx.matches("src/main.rs").copied().collect();
        got.sort();
        assert_eq!(got, ['a', 'b']);
        assert_eq!(idx.matches("src/x/main.rs").count(), 0);
        assert_eq!(
            idx.matches("x/auth/y/z.go").copied().collect::<Vec<_>>(),
            ['c']
        );
    }

    /// 20,000 globs failed with "error building NFA" (globset's one regex for them all was over
    /// its size limit); they are compiled in several sets and all of them match.
    #[test]
    fn twenty_thousand_globs_compile_and_match() {
        let n = 20_000;
        let mut b = GlobIndexBuilder::new();
        for i in 0..n {
            b.add(&GlobPattern(format!("**/m{i}*/**")), i).unwrap();
        }
        let idx = b.build().unwrap();
        assert!(idx.sets.len() > 1);
        for i in [0, 1023, 1024, 12_345, n - 1] {
            let hits: Vec<usize> = idx.matches(&format!("a/m{i}x/f.rs")).copied().collect();
            assert!(hits.contains(&i), "{i}: {hits:?}");
        }
        assert!(idx.is_match("x/m19999/y"));
        assert!(!idx.is_match("x/n1/y"));
    }

    #[test]
    fn a_bad_glob_is_a_parse_error() {
        let err = yaml_serde::from_str::<GlobPattern>("'a[b'").unwrap_err();
        assert!(err.to_string().contains("invalid glob `a[b`"), "{err}");
    }
}
