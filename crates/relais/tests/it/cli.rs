//! The binary's account and maintenance commands.

use crate::durability::start_binary;
use crate::support::*;
use reqwest::StatusCode;
use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};

fn relais(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn user_add_creates_an_approved_account_that_can_sign_in() {
    let (store, url, _dir) = fresh_store().await;
    let out = relais(
        &["user", "add", "--database-url", &url, "--role", "volunteer", "--email", "Nadia@Example.fr", "--password-stdin", "--languages", "fr,ar", "--topics", "famille-caf", "--networks", "Hinaura"],
        "un mot de passe solide\n",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let user = store.user_by_email("nadia@example.fr").await.unwrap().expect("created");
    assert_eq!(user.language_list(), vec!["fr", "ar"]);
    assert_eq!(user.skill_list(), vec!["famille-caf"]);
    assert_eq!(user.status, relais_store::AccountStatus::Active);
    assert_eq!(store.user_networks(user.id).await.unwrap().len(), 1);
    store.close().await;

    let mut server = start_binary(&url, &[]).await;
    let res = crate::support::plain_client()
        .post(format!("{}/api/v1/auth/token", server.addr))
        .json(&json!({"email": "nadia@example.fr", "password": "un mot de passe solide"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    server.child.kill().unwrap();
    let _ = server.child.wait();
}

#[tokio::test]
async fn user_add_refuses_bad_input_with_the_option_named() {
    let (store, url, _dir) = fresh_store().await;
    let cases: [(&[&str], &str, &str); 4] = [
        (&["--role", "boss", "--email", "a@b.fr"], "a long enough password", "--role"),
        (&["--role", "volunteer", "--email", "a@b.fr", "--languages", "fr,klingon"], "a long enough password", "--languages"),
        (&["--role", "volunteer", "--email", "not-an-email"], "a long enough password", "--email"),
        (&["--role", "volunteer", "--email", "a@b.fr"], "short", "at least"),
    ];
    for (extra, password, expected) in cases {
        let mut args = vec!["user", "add", "--database-url", &url, "--password-stdin"];
        args.extend_from_slice(extra);
        let out = relais(&args, password);
        assert!(!out.status.success(), "{extra:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{extra:?}: {err}");
    }
    let ok = relais(&["user", "add", "--database-url", &url, "--password-stdin", "--role", "admin", "--email", "a@b.fr"], "a long enough password");
    assert!(ok.status.success());
    let dup = relais(&["user", "add", "--database-url", &url, "--password-stdin", "--role", "admin", "--email", "A@B.FR"], "a long enough password");
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    assert_eq!(store.count_users().await.unwrap(), 1, "nothing half-created");
}

#[tokio::test]
async fn demo_seeds_a_living_line_once() {
    let (store, url, _dir) = fresh_store().await;
    let out = relais(&["demo", "--database-url", &url], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("coordination@relais.test") && printed.contains("demo-relais-2026"), "{printed}");
    let users = store.list_users().await.unwrap();
    assert!(users.len() >= 10);
    let langs: std::collections::HashSet<String> = users.iter().flat_map(|u| u.user.language_list()).collect();
    assert!(langs.len() >= 5, "volunteers speak several languages: {langs:?}");
    let q = store.queue_overview(relais_web::now_ms(), 0).await.unwrap();
    assert!(q.waiting_due >= 30, "a few dozen waiting requests");
    let again = relais(&["demo", "--database-url", &url], "");
    assert!(again.status.success());
    assert_eq!(store.list_users().await.unwrap().len(), users.len(), "seeding twice adds nothing");
}
