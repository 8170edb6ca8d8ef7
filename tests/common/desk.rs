//! The review desk as its tests drive it: `claimdiff serve` started on a free loopback port (the
//! port read from the line it prints), and a small HTTP/1.1 client over `TcpStream` with timeouts
//! on every read and write, so no test can hang on the server.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

/// A running `claimdiff serve`, killed when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts the desk on `inputs` with the database `db`, and waits (at most a minute) until it
    /// accepts requests.
    pub fn start(inputs: &[&Path], db: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
            .arg("serve")
            .args(inputs)
            .args(["--quiet", "--port", "0", "--bind", "127.0.0.1", "--db"])
            .arg(db)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("claimdiff serve starts");
        let stdout = child.stdout.take().expect("piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(l) => l,
            Err(_) => {
                let _ = child.kill();
                panic!("claimdiff serve printed no address within a minute");
            }
        };
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        assert!(addr.starts_with("127.0.0.1:"), "{addr}");
        Server { child, addr }
    }

    /// `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Kills the server at once (no shutdown) and waits for it to be gone.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// `GET path`: status and JSON body.
    pub fn get(&self, path: &str) -> (u16, Value) {
        let (status, body) = request(&self.addr, "GET", path, None, &[]);
        (status, json(&body))
    }

    /// `POST path` with a JSON body: status and JSON body.
    pub fn post(&self, path: &str, body: &str) -> (u16, Value) {
        let (status, body) = request(&self.addr, "POST", path, Some(body), &[]);
        (status, json(&body))
    }

    /// Posts a review of finding `id`.
    pub fn review(&self, id: &str, body: Value) -> (u16, Value) {
        self.post(&format!("/api/findings/{id}/review"), &body.to_string())
    }

    /// Every finding the desk lists.
    pub fn findings(&self) -> Vec<Value> {
        let (status, v) = self.get("/api/findings");
        assert_eq!(status, 200, "{v}");
        v.as_array().expect("a list").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body:.300}"))
}

/// One request on its own connection; the status and the body. Only `Content-Length` bodies
/// (all the desk sends).
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("the server accepts");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(20))).unwrap();
    let body = body.unwrap_or("");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        head.push_str("Content-Type: application/json\r\n");
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body.as_bytes()).unwrap();
    // read the head, then exactly Content-Length bytes (a server may keep the connection open)
    let mut reader = BufReader::new(s);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line).expect("an answer");
        if n == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let lower = head.to_ascii_lowercase();
    assert!(
        !lower.contains("transfer-encoding: chunked"),
        "a chunked answer"
    );
    let length: Option<usize> = lower
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok());
    let mut body = Vec::new();
    match length {
        Some(n) => {
            body.resize(n, 0);
            reader.read_exact(&mut body).expect("the whole body");
        }
        None => {
            let _ = reader.take(16 << 20).read_to_end(&mut body);
        }
    }
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    (status, String::from_utf8(body).expect("UTF-8 answer"))
}

/// Copies some seed articles (by position in name order) into `dir`.
pub fn seeds_into(dir: &Path, which: &[usize]) {
    let mut files: Vec<_> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for &i in which {
        let f = &files[i];
        std::fs::copy(f, dir.join(f.file_name().unwrap())).unwrap();
    }
}
