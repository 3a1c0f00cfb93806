//! Validation of a help request, shared by the web form and the JSON API: every field is
//! checked, all problems are reported at once, and nothing is stored unless all pass.

use crate::error::FieldError;
use relais_domain::phone;
use relais_domain::request::{is_known_language, CallbackWindow, Channel, Urgency};
use relais_store::{NewHelpRequest, Store, StoreError};

/// What a person (or a partner) submitted, before validation.
#[derive(Debug, Clone, Default)]
pub struct IntakeInput {
    pub channel: Option<String>,
    pub phone: String,
    pub first_name: Option<String>,
    pub topic: Option<String>,
    pub language: Option<String>,
    pub postcode: Option<String>,
    pub callback_windows: Vec<String>,
    pub sms_consent: bool,
    pub urgent: bool,
    pub need: Option<String>,
}

pub const MAX_NEED: usize = 500;
pub const MAX_NAME: usize = 60;

fn blank_to_none(s: &Option<String>) -> Option<String> {
    s.as_ref().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Validates `input`; `default_channel` applies when the input names none.
pub async fn validate(
    store: &Store,
    input: &IntakeInput,
    default_channel: Channel,
) -> Result<Result<NewHelpRequest, Vec<FieldError>>, StoreError> {
    let mut errors = Vec::new();
    let channel = match blank_to_none(&input.channel) {
        None => default_channel,
        Some(c) => c.parse().unwrap_or_else(|_| {
            errors.push(FieldError::new("channel", "error-channel", "channel must be web, phone, sms or referral"));
            default_channel
        }),
    };
    let phone = match phone::normalize(&input.phone) {
        Ok(p) => p,
        Err(phone::PhoneError::Empty) => {
            errors.push(FieldError::new("phone", "error-phone-missing", "a phone number is needed to call you back"));
            String::new()
        }
        Err(e) => {
            errors.push(FieldError::new("phone", "error-phone-invalid", format!("{e}: write it like 06 12 34 56 78 or +33 6 12 34 56 78")));
            String::new()
        }
    };
    let topic = match blank_to_none(&input.topic) {
        None => {
            errors.push(FieldError::new("topic", "error-topic-missing", "choose what you need help with"));
            String::new()
        }
        Some(t) => match store.topic(&t).await? {
            Some(found) if found.active => t,
            _ => {
                errors.push(FieldError::new("topic", "error-topic-unknown", format!("unknown topic {t:?}; see GET /api/v1/topics")));
                String::new()
            }
        },
    };
    let language = blank_to_none(&input.language).unwrap_or_else(|| "fr".into()).to_lowercase();
    if !is_known_language(&language) {
        errors.push(FieldError::new("language", "error-language", format!("unknown language {language:?}")));
    }
    let postcode = blank_to_none(&input.postcode);
    if let Some(p) = &postcode {
        if p.len() != 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
            errors.push(FieldError::new("postcode", "error-postcode", "a postcode has 5 digits, like 75011"));
        }
    }
    let first_name = blank_to_none(&input.first_name);
    if first_name.as_ref().is_some_and(|n| n.chars().count() > MAX_NAME) {
        errors.push(FieldError::new("first_name", "error-too-long", format!("at most {MAX_NAME} characters")));
    }
    let need = blank_to_none(&input.need);
    if need.as_ref().is_some_and(|n| n.chars().count() > MAX_NEED) {
        errors.push(FieldError::new("need", "error-too-long", format!("at most {MAX_NEED} characters")));
    }
    let mut windows = Vec::new();
    for w in &input.callback_windows {
        match w.parse::<CallbackWindow>() {
            Ok(w) if !windows.contains(&w.as_str().to_owned()) => windows.push(w.as_str().to_owned()),
            Ok(_) => {}
            Err(_) => errors.push(FieldError::new(
                "callback_windows",
                "error-window",
                format!("unknown callback window {w:?} (morning, midday, afternoon, evening)"),
            )),
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(NewHelpRequest {
        channel,
        phone,
        first_name,
        need,
        postcode,
        topic,
        language,
        callback_windows: windows,
        sms_consent: input.sms_consent,
        urgency: if input.urgent { Urgency::Urgent } else { Urgency::Normal },
    }))
}
