//! 50 volunteers take requests at once from 1,000 waiting: each is taken exactly once.

use crate::support::*;
use relais_domain::request::{Channel, Urgency};
use relais_store::NewHelpRequest;
use std::collections::HashSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_volunteers_take_a_thousand_requests_each_exactly_once() {
    let app = std::sync::Arc::new(TestApp::spawn().await);
    let now = relais_web::now_ms();
    for i in 0..1000u32 {
        let new = NewHelpRequest {
            channel: Channel::Web,
            phone: e164(i),
            first_name: None,
            need: None,
            postcode: None,
            topic: ["impots", "famille-caf", "logement"][i as usize % 3].into(),
            language: "fr".into(),
            callback_windows: vec![],
            sms_consent: false,
            urgency: if i % 10 == 0 { Urgency::Urgent } else { Urgency::Normal },
        };
        app.store.create_request(&new, now - 1000 + i as i64).await.unwrap();
    }
    let mut volunteers = Vec::new();
    for v in 0..50 {
        let app = app.clone();
        volunteers.push(tokio::spawn(async move {
            app.volunteer_on_duty(&format!("v{v}@relais.test"), &["fr"], &["impots"]).await.1
        }));
    }
    let mut tokens = Vec::new();
    for v in volunteers {
        tokens.push(v.await.unwrap());
    }
    let mut tasks = Vec::new();
    for token in tokens {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            while let Some(r) = app.next(&token).await {
                mine.push(r["id"].as_i64().unwrap());
            }
            mine
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let unique: HashSet<i64> = all.iter().copied().collect();
    assert_eq!(all.len(), 1000, "every request was taken");
    assert_eq!(unique.len(), 1000, "no request was taken twice");
    let q = app.store.queue_overview(relais_web::now_ms(), 0).await.unwrap();
    assert_eq!((q.waiting_due, q.assigned), (0, 1000));
}
