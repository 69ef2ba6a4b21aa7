//! The teacher's page in a real browser: Debian's chromium, headless, driven through
//! chromedriver (WebDriver, with fantoccini), and `quizgen serve` with the mock provider
//! behind it. The page's uncaught errors and console errors fail the test.
//!
//! A test opens a [`Page`] at a width, acts as a user would (by id, by the text shown) and
//! ends with [`Page::finish`], which fails on any script error seen. Waits poll with a
//! deadline ([`WAIT`]); none sleeps for a fixed time.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use crate::common::mock::MockConfig;
use crate::common::{Fixture, Server, serve};

const MODEL: &str = "openai/gpt-oss-20b";
/// A phone (an iPhone 12 to 15's viewport) and a laptop.
const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1280, 900);
/// How long any one wait on the browser may take before the test fails, and how often it
/// looks meanwhile.
const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(25);

/// chromedriver on a free port of 127.0.0.1, killed on drop.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// Fails the test, in one line, when chromedriver is not installed.
    fn start() -> Driver {
        let spawned = Command::new("chromedriver")
            .arg("--port=0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = spawned else {
            panic!(
                "chromedriver not found: the browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; CI installs them)"
            );
        };
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // "ChromeDriver was started successfully on port 33009."
        let port = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|l| {
                let rest = l.split("started successfully on port ").nth(1)?;
                Some(rest.trim_end_matches('.').trim().to_owned())
            })
            .expect("chromedriver said which port it listens on");
        std::thread::spawn(move || for _ in lines {});
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// chromedriver's log of the page's console (Selenium's `se/log` endpoint): the entries
/// since the last read.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"type": "browser"}).to_string()),
        )
    }
}

/// One headless chromium window on the page, downloading into a directory of its own.
pub(crate) struct Page {
    client: Client,
    downloads: tempfile::TempDir,
    errors: Mutex<Vec<String>>,
    width: u32,
    _driver: Driver,
}

impl Page {
    /// Opens `url` in a window `width` px wide (390: a phone; wider: a desktop).
    pub(crate) async fn open(url: &str, width: u32) -> Page {
        let driver = Driver::start();
        let downloads = tempfile::tempdir().unwrap();
        // A window is at least 500 px wide: narrower is a phone, emulated (its viewport, its
        // pixel ratio, touch, and the page's <meta name="viewport"> honoured).
        let window = format!("--window-size={},{}", width.max(500), DESKTOP.1);
        let mut chrome = json!({
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", window],
            "prefs": {
                "download.default_directory": downloads.path(),
                "download.prompt_for_download": false,
            },
        });
        if width < 500 {
            chrome["mobileEmulation"] = json!({"deviceMetrics":
                {"width": width, "height": PHONE.1, "pixelRatio": 3.0}});
        }
        let caps = json!({
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": chrome,
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        // The test build has both of rustls's crypto providers (ring for quizgen, aws-lc-rs
        // for fantoccini's hyper-rustls): say which, or rustls cannot pick one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = ClientBuilder::rustls()
            .unwrap()
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .expect("chromedriver started chromium");
        client.goto(url).await.unwrap();
        Page {
            client,
            downloads,
            errors: Mutex::new(Vec::new()),
            width,
            _driver: driver,
        }
    }

    /// Runs `script` (a function body) in the page and returns what it returns.
    pub(crate) async fn js(&self, script: &str) -> Value {
        self.client.execute(script, Vec::new()).await.unwrap()
    }

    /// Types `text` into the field with id `id`, after what it holds is cleared.
    pub(crate) async fn fill(&self, id: &str, text: &str) {
        let field = self.client.find(Locator::Id(id)).await.unwrap();
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Chooses the option of value `value` in the select with id `id`.
    pub(crate) async fn select(&self, id: &str, value: &str) {
        let select = self.client.find(Locator::Id(id)).await.unwrap();
        select.select_by_value(value).await.unwrap();
    }

    /// Clicks the element with id `id`.
    pub(crate) async fn click(&self, id: &str) {
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }

    /// Clicks the button labelled `label` (its visible text) inside the element matching
    /// the CSS `within`, e.g. the first row of a table: `#recent tr:first-child`.
    pub(crate) async fn click_button(&self, within: &str, label: &str) {
        let scope = self.wait_for(within).await;
        for b in scope.find_all(Locator::Css("button")).await.unwrap() {
            if b.text().await.unwrap().trim() == label {
                return b.click().await.unwrap();
            }
        }
        panic!("no button {label:?} in {within}");
    }

    /// Waits until an element matches the CSS `selector`.
    pub(crate) async fn wait_for(&self, selector: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(WAIT)
            .every(POLL)
            .for_element(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("nothing matched {selector} within {WAIT:?}: {e}"))
    }

    /// Waits until the element matching `selector` shows text containing `text`; returns its
    /// whole text.
    pub(crate) async fn wait_text(&self, selector: &str, text: &str) -> String {
        let start = Instant::now();
        loop {
            let shown = self.wait_for(selector).await.text().await.unwrap();
            if shown.contains(text) {
                return shown;
            }
            assert!(
                start.elapsed() < WAIT,
                "{selector} still shows {shown:?}, not {text:?}, after {WAIT:?}"
            );
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the browser has finished downloading `name`; returns its content.
    pub(crate) async fn downloaded(&self, name: &str) -> String {
        let path = self.downloads.path().join(name);
        let start = Instant::now();
        // Chromium writes NAME.crdownload, then renames it to NAME when complete.
        while !path.exists() {
            assert!(
                start.elapsed() < WAIT,
                "no download {name} after {WAIT:?}; the directory holds {:?}",
                listing(self.downloads.path())
            );
            tokio::time::sleep(POLL).await;
        }
        std::fs::read_to_string(&path).unwrap()
    }

    /// Asserts the page does not scroll sideways: nothing is wider than the window, and a
    /// phone did not zoom out to fit something wider (its visual viewport would grow).
    pub(crate) async fn no_sideways_scroll(&self) {
        let v = self
            .js("return [document.documentElement.scrollWidth, window.innerWidth]")
            .await;
        let (scroll, inner) = (v[0].as_u64().unwrap(), v[1].as_u64().unwrap());
        assert!(
            scroll <= inner && inner == u64::from(self.width),
            "the page is {scroll} px wide, {inner} px shown, in a {} px window: it scrolls sideways",
            self.width
        );
    }

    /// The script errors seen so far: uncaught exceptions, rejected promises nobody caught,
    /// `console.error`, and failed loads (chromium logs them all as SEVERE).
    pub(crate) async fn errors(&self) -> Vec<String> {
        let log = self.client.issue_cmd(BrowserLog).await.unwrap();
        let mut errors = self.errors.lock().unwrap();
        for entry in log.as_array().into_iter().flatten() {
            let message = entry["message"].as_str().unwrap_or_default();
            // The browser asks for /favicon.ico on its own and the server has none: not the
            // page's error.
            if entry["level"] == "SEVERE" && !message.contains("/favicon.ico ") {
                errors.push(message.to_owned());
            }
        }
        errors.clone()
    }

    /// Fails the test on any script error seen, then closes the browser.
    pub(crate) async fn finish(self) {
        let errors = self.errors().await;
        assert!(errors.is_empty(), "script errors on the page: {errors:#?}");
        self.client.close().await.unwrap();
    }
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

/// The questions of a GIFT file: its blank-line-separated blocks with answers in braces.
fn gift_questions(text: &str) -> usize {
    text.split("\n\n")
        .filter(|b| b.lines().any(|l| !l.starts_with("//") && l.contains('{')))
        .count()
}

/// The server with the mock behind it, and a runtime for the browser's client.
fn server() -> (Fixture, Server) {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &[]);
    (fx, s)
}

/// Asks the page for a quiz of `count` on `subject`, as a file for `format`, and waits
/// until it says the questions are ready.
async fn make_quiz(page: &Page, subject: &str, count: u32, format: &str) {
    page.fill("subject", subject).await;
    page.fill("count", &count.to_string()).await;
    page.click("go").await;
    page.wait_text("[role=status]", &format!("{count} questions ready"))
        .await;
    // The platform is chosen at download, after the quiz is made.
    page.select("format", format).await;
}

/// On a server with no API keys the page opens the text box and says why; a pasted lesson
/// gives a quiz made from it.
#[test]
fn with_no_keys_the_page_asks_for_a_text_and_makes_the_quiz_from_it() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    std::fs::remove_file(&fx.keys).unwrap();
    let s = crate::common::serve_without_keys(&fx);
    let lesson = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/texts/printing-press.txt"),
    )
    .unwrap();
    fx.rt.block_on(async {
        let page = Page::open(&s.url, PHONE.0).await;
        page.wait_text("[role=status]", "no API keys").await;
        assert_eq!(
            page.js("return document.getElementById('textbox').open;")
                .await,
            true
        );
        page.js(&format!(
            "document.getElementById('text').value = {};",
            serde_json::to_string(&lesson).unwrap()
        ))
        .await;
        page.fill("count", "5").await;
        page.click("go").await;
        page.wait_text("[role=status]", "5 questions ready").await;
        page.no_sideways_scroll().await;
        page.finish().await;
    });
    assert!(fx.mock.seen().is_empty(), "no provider was asked");
}

/// A teacher reads each question with its right answer marked, drops one, and downloads the
/// reviewed quiz for two platforms; the dropped question is in neither file. Then replaces one.
#[test]
fn on_a_phone_a_teacher_reviews_drops_one_and_downloads_for_two_platforms() {
    let (fx, s) = server();
    fx.rt.block_on(async {
        let page = Page::open(&s.url, PHONE.0).await;
        make_quiz(&page, "glaciers", 5, "gift").await;
        let shown = page
            .js("return [...document.querySelectorAll('#questions > li')].map(li => [li.querySelector('.stem').textContent, li.querySelectorAll('li.right').length, li.querySelector('.why') ? 1 : 0]);")
            .await;
        let shown = shown.as_array().unwrap();
        assert_eq!(shown.len(), 5, "{shown:?}");
        for q in shown {
            assert_eq!(q[1], 1, "one right answer marked: {q:?}");
            assert_eq!(q[2], 1, "the explanation shown: {q:?}");
        }
        let dropped = shown[1][0].as_str().unwrap().to_owned();
        page.click_button("#questions > li:nth-child(2)", "Drop").await;
        page.wait_text("[role=status]", "dropped").await;
        page.click("download").await;
        let gift = page.downloaded("glaciers.gift").await;
        assert_eq!(gift_questions(&gift), 4, "{gift}");
        page.select("format", "blooket").await;
        page.click("download").await;
        let csv = page.downloaded("glaciers.blooket.csv").await;
        let stem_start: String = dropped.chars().take(20).collect();
        assert!(!gift.contains(&stem_start) && !csv.contains(&stem_start), "{dropped}");
        assert!(csv.contains(shown[0][0].as_str().unwrap().chars().take(20).collect::<String>().as_str()));
        // Replace the second: a new question takes its place, still 4.
        let stems = "return [...document.querySelectorAll('#questions > li .stem')].map(s => s.textContent);";
        let before = page.js(stems).await;
        page.click_button("#questions > li:nth-child(2)", "Replace").await;
        page.wait_text("[role=status]", "replaced by a new one").await;
        let after = page.js(stems).await;
        let (before, after) = (before.as_array().unwrap(), after.as_array().unwrap());
        assert_eq!(after.len(), 4, "{after:?}");
        assert_eq!((&after[0], &after[2..]), (&before[0], &before[2..]));
        assert!(!before.contains(&after[1]), "{after:?}");
        page.no_sideways_scroll().await;
        page.finish().await;
    });
}

#[test]
fn on_a_phone_a_quiz_of_5_downloads_for_moodle_and_gift() {
    let (fx, s) = server();
    fx.rt.block_on(async {
        let page = Page::open(&s.url, PHONE.0).await;
        page.no_sideways_scroll().await;
        make_quiz(&page, "tides", 5, "moodle-xml").await;

        // The main button: the format chosen before making the quiz.
        page.click("download").await;
        let xml = page.downloaded("tides.moodle-xml.xml").await;
        assert_eq!(xml.matches("<question type=\"multichoice\">").count(), 5);

        // The same quiz again from "Recent quizzes", as GIFT.
        page.wait_text("#recent tr:first-child", "tides (5)").await;
        let row_select = page.wait_for("#recent tr:first-child select").await;
        row_select.select_by_value("gift").await.unwrap();
        page.click_button("#recent tr:first-child", "Download")
            .await;
        let gift = page.downloaded("tides.gift").await;
        assert_eq!(gift_questions(&gift), 5, "{gift}");

        // The width once "Recent quizzes" has a row: the test below (ignored until the page
        // is fixed).
        page.finish().await;
    });
}

#[test]
fn on_a_phone_recent_quizzes_fit_the_width() {
    let (fx, s) = server();
    fx.rt.block_on(async {
        let page = Page::open(&s.url, PHONE.0).await;
        make_quiz(&page, "tides", 5, "gift").await;
        page.wait_text("#recent tr:first-child", "tides (5)").await;
        page.no_sideways_scroll().await;
        page.finish().await;
    });
}

#[test]
fn on_a_desktop_a_quiz_and_its_row_fit_with_no_script_error() {
    let (fx, s) = server();
    fx.rt.block_on(async {
        let page = Page::open(&s.url, DESKTOP.0).await;
        page.no_sideways_scroll().await;
        make_quiz(&page, "volcanoes", 5, "gift").await;
        page.wait_text("#recent tr:first-child", "volcanoes (5)")
            .await;
        page.no_sideways_scroll().await;
        page.finish().await;
    });
}
