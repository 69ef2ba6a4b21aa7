//! Raw TCP servers on 127.0.0.1 for faults an HTTP mock cannot play: a server that accepts and
//! never answers, and one whose answer body never ends.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

/// Serves every connection with `serve` on its own thread; returns `http://127.0.0.1:PORT`.
fn serve_with(serve: fn(std::net::TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || serve(stream));
        }
    });
    format!("http://{addr}")
}

/// Accepts, reads the request, and never answers.
pub(crate) fn silent_server() -> String {
    serve_with(|mut s| {
        let mut buf = [0u8; 4096];
        let _ = s.read(&mut buf);
        std::thread::sleep(Duration::from_secs(600));
    })
}

/// Answers 200 with a chunked body that never ends (until the client hangs up).
pub(crate) fn endless_server() -> String {
    serve_with(|mut s| {
        let mut buf = [0u8; 8192];
        let _ = s.read(&mut buf);
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
        if s.write_all(head.as_bytes()).is_err() {
            return;
        }
        let chunk = vec![b' '; 64 * 1024];
        let framed = [
            format!("{:x}\r\n", chunk.len()).into_bytes(),
            chunk,
            b"\r\n".to_vec(),
        ]
        .concat();
        while s.write_all(&framed).is_ok() {}
    })
}
