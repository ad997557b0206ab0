//! A static file server for `dist/`, as any plain web host would serve the
//! app: files by path, and `index.html` for every other address so that deep
//! links work. It records each request so tests can check what was asked.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub path: String,
}

pub struct StaticServer {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl StaticServer {
    pub fn start(root: PathBuf) -> StaticServer {
        let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind a local port");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                let log = log.clone();
                std::thread::spawn(move || {
                    let _ = serve(stream, &root, &log);
                });
            }
        });
        StaticServer { port, requests }
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, root: &Path, log: &Mutex<Vec<Request>>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    // Chromium opens connections ahead of need and may close them unused:
    // no request line, no request (the offline test counts requests).
    if reader.read_line(&mut line)? == 0 {
        return Ok(());
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or("/").to_string();
    // Skip the headers; the server needs none of them.
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    log.lock().unwrap().push(Request {
        method: method.clone(),
        path: path.clone(),
    });

    let (status, body, kind) = match resolve(root, &path) {
        Some(file) => ("200 OK", std::fs::read(&file)?, content_type(&file)),
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The file for a request path; `index.html` for addresses that are not
/// files (the app's own routes). `None` for a missing file with an extension.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = root.join(relative);
    if file.is_file() {
        Some(file)
    } else if relative.extension().is_none() {
        Some(root.join("index.html"))
    } else {
        None
    }
}

fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}
