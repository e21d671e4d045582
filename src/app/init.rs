//! `init`: writes a commented starter `.charter/` (charter, example policy and its test).
//! Never overwrites: an existing file is kept and reported as such; writes go through `fsutil`.

use super::session::charter_root;
use crate::config::{CHARTER_DIR, CHARTER_FILE, POLICIES_DIR};
use crate::error::{Error, Result};
use crate::fsutil::{self, WriteOptions};
pub use crate::model::InitAction;
use std::path::Path;

use crate::config::starter::{STARTER_CHARTER, STARTER_POLICY, STARTER_POLICY_TEST};

/// The `.pre-commit-config.yaml` snippet `init` prints.
pub const PRE_COMMIT_SNIPPET: &str = "\
# .pre-commit-config.yaml
default_install_hook_types: [pre-commit, commit-msg, pre-push]
repos:
  # OWNER and rev are yours to fill in: git-charter has no public release yet, so name the
  # repository your organisation keeps it in, and a tag or full commit id of it.
  - repo: https://github.com/OWNER/git-charter
    rev: v0.1.0
    hooks:
      - id: git-charter
      - id: git-charter-commit-msg
      - id: git-charter-pre-push
";

/// Writes the starter files under the repository root (or `cwd` outside a repository).
pub fn init(cwd: &Path) -> Result<Vec<InitAction>> {
    let root = charter_root(cwd);
    let dir = root.join(CHARTER_DIR);
    let files = [
        (dir.join(CHARTER_FILE), STARTER_CHARTER),
        (
            dir.join(POLICIES_DIR).join(STARTER_POLICY.0),
            STARTER_POLICY.1,
        ),
        (
            dir.join(POLICIES_DIR).join(STARTER_POLICY_TEST.0),
            STARTER_POLICY_TEST.1,
        ),
    ];
    let mut actions = Vec::new();
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            fsutil::create_dir_inside(&root, parent).map_err(|e| Error::io(parent, e))?;
        }
        // Keep: never replace a file, even one that appears between a check and the write.
        let wrote = fsutil::write_atomic(&path, text.as_bytes(), WriteOptions::KEEP)
            .map_err(|e| Error::io(&path, e))?;
        actions.push(if wrote {
            InitAction::Wrote(path)
        } else {
            InitAction::Kept(path)
        });
    }
    Ok(actions)
}
