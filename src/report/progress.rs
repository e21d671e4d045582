//! Progress bars for long runs (`scan` of large trees, `scan --history`, `ci` over many commits),
//! on stderr. Shown only when the binary switched them on (`enable`: console format, not `--quiet`,
//! stderr a terminal) and only once a run has lasted a second: a hook that finishes sooner never
//! draws one, and JSON, SARIF and annotations on stdout are never touched.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ENABLED: AtomicBool = AtomicBool::new(false);

/// How long a run goes without a bar.
const GRACE: Duration = Duration::from_secs(1);

/// Switches progress bars on for this process when `console` output is asked for, `quiet` is not,
/// and stderr is a terminal (checked here, once).
pub fn enable(console: bool, quiet: bool) {
    let on = console && !quiet && console::Term::stderr().features().is_attended();
    ENABLED.store(on, Ordering::Relaxed);
}

/// One run's bar; every method is a no-op when bars are off. Shared by worker threads.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// A bar over `len` steps (`None`: a count without a known end), labelled `what`
    /// (`"commits"`, `"blobs"`, `"files"`).
    pub fn new(len: Option<u64>, what: &str) -> Progress {
        let bar = ENABLED.load(Ordering::Relaxed).then(|| {
            let (bar, template) = match len {
                Some(n) => (
                    ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::hidden()),
                    format!(
                        "{{bar:30}} {{pos}}/{{len}} {what} {{msg}} ({{elapsed}}, ~{{eta}} left)"
                    ),
                ),
                None => (
                    ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
                    format!("{{spinner}} {{pos}} {what} {{msg}} ({{elapsed}})"),
                ),
            };
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// Whether a bar could be drawn (bars on); callers may skip work that only feeds the bar.
    pub fn active(&self) -> bool {
        self.bar.is_some()
    }

    pub fn inc(&self, n: u64) {
        let Some(bar) = &self.bar else { return };
        bar.inc(n);
        self.reveal(bar);
    }

    /// A short status after the count (`"1.2 GiB"`).
    pub fn message(&self, m: String) {
        if let Some(bar) = &self.bar {
            bar.set_message(m);
        }
    }

    fn reveal(&self, bar: &ProgressBar) {
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() >= GRACE
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Drop for Progress {
    /// The bar is cleared when the run ends: the verdict follows on a clean terminal.
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
