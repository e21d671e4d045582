//! `git charter mcp`: the charter's checks as MCP tools, over stdio, with the official Rust SDK
//! (rmcp). Each tool runs the same code as the hooks and answers with the console report (for
//! the model to read) and the JSON report (for a program). The runtime exists only for this
//! command; stdout carries nothing but the protocol.

use crate::report::{self, Format};
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, ContentBlock, Implementation, ServerCapabilities, ServerConfig};
use rmcp::{ServerHandler, ServiceExt, schemars, tool, tool_handler, tool_router};
use std::path::{Path, PathBuf};

#[derive(Debug, serde::Deserialize, schemars::JsonSchema)]
pub struct CheckChange {
    /// A unified diff (`git diff` output) of the change to judge; leave it out to judge what is staged.
    #[serde(default)]
    pub diff: Option<String>,
    /// The commit message the change would be committed with; leave it out to judge the content only.
    #[serde(default)]
    pub message: Option<String>,
    /// Who writes the change, as `AGENT:MODEL` (for example `claude-code:claude-sonnet-4-6`):
    /// the change is then judged as AI-assisted.
    #[serde(default)]
    pub tool: Option<String>,
}

#[derive(Debug, serde::Deserialize, schemars::JsonSchema)]
pub struct CheckMessage {
    /// The proposed commit message.
    pub message: String,
    /// Who writes the change, as `AGENT:MODEL`.
    #[serde(default)]
    pub tool: Option<String>,
}

#[derive(Debug, serde::Deserialize, schemars::JsonSchema)]
pub struct ExplainPolicy {
    /// A policy id such as `CH-SECRET-001`, or a rule id the reports print.
    pub id: String,
}

#[derive(Debug, serde::Deserialize, schemars::JsonSchema)]
pub struct PathRequirements {
    /// A path relative to the repository's root.
    pub path: String,
}

#[derive(Clone)]
pub struct Charter {
    dir: PathBuf,
    tool_router: ToolRouter<Charter>,
}

fn verdict(r: crate::error::Result<report::Report>) -> CallToolResult {
    match r {
        Ok(report) => {
            let text = report::render(&report, Format::Console, false);
            let json = report::render(&report, Format::Json, false);
            let head = if report.denied() {
                "REFUSED: the charter does not allow this change as it is.\n"
            } else {
                "ALLOWED by the charter.\n"
            };
            CallToolResult::success(vec![
                ContentBlock::text(format!("{head}{text}")),
                ContentBlock::text(json),
            ])
        }
        Err(e) => failure(e),
    }
}

fn failure(e: crate::error::Error) -> CallToolResult {
    let e = super::session::redact_error(e);
    CallToolResult::error(vec![ContentBlock::text(format!("git-charter: {e}"))])
}

#[tool_router]
impl Charter {
    pub fn new(dir: PathBuf) -> Charter {
        Charter {
            dir,
            tool_router: Self::tool_router(),
        }
    }

    #[tool(
        description = "Judge a change against the repository's AI-coding charter, as the git hooks will: the staged changes, or a proposed unified diff, with or without a proposed commit message. Reports secrets, protected code classes and path tiers, review and disclosure requirements, dependency problems."
    )]
    fn check_change(&self, Parameters(p): Parameters<CheckChange>) -> CallToolResult {
        verdict(super::agent::judge_change(
            &self.dir,
            p.diff.as_deref(),
            p.message.as_deref(),
            p.tool.as_deref(),
        ))
    }

    #[tool(
        description = "Judge a proposed commit message together with the staged changes, as the commit-msg hook will (AI disclosure trailers, sign-offs, reviews)."
    )]
    fn check_commit_message(&self, Parameters(p): Parameters<CheckMessage>) -> CallToolResult {
        verdict(super::agent::judge_change(
            &self.dir,
            None,
            Some(&p.message),
            p.tool.as_deref(),
        ))
    }

    #[tool(
        description = "Explain a charter policy by id: what it checks and how to fix a violation."
    )]
    fn explain_policy(&self, Parameters(p): Parameters<ExplainPolicy>) -> CallToolResult {
        match super::explain(&self.dir, &p.id) {
            Ok(policy) => {
                CallToolResult::success(vec![ContentBlock::text(report::policy::explain(&policy))])
            }
            Err(e) => failure(e),
        }
    }

    #[tool(
        description = "What the charter requires for a change to a path: its tier, its classes, whether agents may write it, and which reviews and disclosures an AI-assisted change there needs."
    )]
    fn path_requirements(&self, Parameters(p): Parameters<PathRequirements>) -> CallToolResult {
        match super::agent::requirements(&self.dir, &p.path) {
            Ok(r) => {
                let mut text = format!(
                    "{}: tier {}{}{}\n",
                    r.path,
                    r.tier,
                    if r.classes.is_empty() {
                        String::new()
                    } else {
                        format!(", classes {}", r.classes.join(", "))
                    },
                    if r.protected { ", protected" } else { "" }
                );
                for rule in &r.rules {
                    text.push_str("- ");
                    text.push_str(rule);
                    text.push('\n');
                }
                let json = serde_json::to_string_pretty(&r).expect("requirements serialise");
                CallToolResult::success(vec![ContentBlock::text(text), ContentBlock::text(json)])
            }
            Err(e) => failure(e),
        }
    }

    #[tool(
        description = "The charter's rules for agents, as instructions: what to disclose, what not to write, which paths need reviews."
    )]
    fn charter_instructions(&self) -> CallToolResult {
        match super::session::Session::open(&self.dir) {
            Ok(s) => CallToolResult::success(vec![ContentBlock::text(super::agents::context(
                &s.charter.charter,
                false,
            ))]),
            Err(e) => failure(e),
        }
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for Charter {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new(
                "git-charter",
                env!("CARGO_PKG_VERSION"),
            ))
            .with_instructions(
                "git-charter enforces this repository's AI-coding charter. Call check_change \
                 before you commit (with your proposed message and `tool` set to AGENT:MODEL), \
                 path_requirements before you edit a sensitive path, and explain_policy for any \
                 refusal.",
            )
    }
}

/// Serves until the client closes stdin.
pub fn serve(dir: &Path) -> crate::error::Result<()> {
    console::set_colors_enabled(false);
    console::set_colors_enabled_stderr(false);
    report::progress::enable(false, true);
    let io = |e: std::io::Error| crate::error::Error::io("<mcp>", e);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(io)?;
    let dir = dir.to_path_buf();
    runtime.block_on(async move {
        let service = Charter::new(dir)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| crate::error::Error::Usage(format!("mcp: {e}")))?;
        service
            .waiting()
            .await
            .map_err(|e| crate::error::Error::Usage(format!("mcp: {e}")))?;
        Ok(())
    })
}
