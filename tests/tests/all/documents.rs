//! The council's papers as PDF and DOCX: every name, sak number, title and vedtak is in the
//! text, in order; the URLs follow the API's role rules; the first page of each PDF is saved
//! as PNG in artifacts/documents/ to hold beside the council's own papers.

use std::{path::PathBuf, process::Command};

use entity::enums::UserRole;
use motebok_tests::{Backend, TestApp, both_backends};
use serde_json::json;

use crate::fixtures::year2025::{self, MEMBERS, OBSERVER, SAKER, SECRETARIAT, SUBSTITUTE};

fn artifacts() -> PathBuf {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../artifacts/documents"
    ));
    std::fs::create_dir_all(&dir).expect("artifacts dir");
    dir
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("{}-{name}", uuid::Uuid::new_v4().simple()));
    std::fs::write(&path, bytes).expect("write");
    path
}

/// pdftotext -layout, whitespace collapsed (the columns come out side by side).
fn pdf_text(bytes: &[u8], png_name: Option<&str>) -> String {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let path = scratch("doc.pdf", bytes);
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    let fonts = Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts");
    let fonts = String::from_utf8_lossy(&fonts.stdout).to_string();
    for line in fonts.lines().skip(2) {
        // name type encoding emb sub uni …: every font embedded, with a ToUnicode map.
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        assert!(
            n >= 5 && cols[n - 5] == "yes" && cols[n - 3] == "yes",
            "font not embedded: {line}"
        );
    }
    if let Some(name) = png_name {
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&path)
            .arg(artifacts().join(name))
            .status()
            .expect("pdftoppm");
        assert!(status.success());
    }
    let _ = std::fs::remove_file(&path);
    collapse(&String::from_utf8_lossy(&out.stdout))
}

/// The text of word/document.xml: paragraphs and cells in document order.
fn docx_text(bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"PK"), "not a zip");
    let path = scratch("doc.docx", bytes);
    let out = Command::new("unzip")
        .arg("-p")
        .arg(&path)
        .arg("word/document.xml")
        .output()
        .expect("unzip");
    let _ = std::fs::remove_file(&path);
    let xml = String::from_utf8_lossy(&out.stdout)
        .replace("</w:p>", "\n")
        .replace("<w:tab/>", " ")
        .replace("<w:tab />", " ");
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    collapse(&text)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each of `expected` occurs in `text`, in the order given.
fn assert_in_order(text: &str, expected: &[String], what: &str) {
    let mut from = 0;
    for e in expected {
        match text[from..].find(e.as_str()) {
            Some(i) => from += i + e.len(),
            None => panic!("{what}: {e:?} missing or out of order after byte {from} in:\n{text}"),
        }
    }
}

async fn fetch(app: &TestApp, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut req = app.client.get(app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.expect("request")
}

async fn bytes(app: &TestApp, path: &str, token: Option<&str>) -> Vec<u8> {
    let res = fetch(app, path, token).await;
    assert_eq!(res.status(), 200, "{path}");
    res.bytes().await.expect("body").to_vec()
}

/// The saker of fixture meeting `index` as the papers number them, withdrawn ones left out.
fn saker_of(index: usize, number: i32) -> Vec<(String, &'static str, Option<&'static str>)> {
    SAKER
        .iter()
        .filter(|s| s.0 == index && s.6 != entity::enums::SakStatus::Withdrawn)
        .map(|s| (format!("Sak {}/{number}/2025", s.1), s.2, s.5))
        .collect()
}

both_backends!(
    the_referat_holds_every_name_sak_title_and_vedtak_in_order,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        year2025::arrange(&app.state.db.write).await;
        let saker = saker_of(1, 1);
        let mut expected: Vec<String> = vec![
            "Referat møte 1/2025".into(),
            "Onsdag 12. februar 2025, kl. 10–15".into(),
            "Forskningsrådets lokaler, Drammensveien 288".into(),
            "Til stede".into(),
            format!("{}, Universitetet i Oslo", MEMBERS[0]),
            format!("{}, Helse Vest, digitalt", MEMBERS[1]),
            format!("{}, Sarsia", MEMBERS[3]),
            "Observatører".into(),
            format!("{OBSERVER}, HOD"),
            "Forfall".into(),
            format!("{}, Folkehelseinstituttet", MEMBERS[2]),
            format!("{SECRETARIAT}, spesialrådgiver"),
        ];
        for (code, title, vedtak) in &saker {
            expected.push(code.clone());
            expected.push((*title).to_owned());
            if code == "Sak 5/1/2025" {
                expected.push("Guri Rørtveit er inhabil i sak 5/1/2025 og forlot møtet under behandlingen av saken.".into());
            }
            if let Some(v) = vedtak {
                expected.push(format!("Vedtak {v}"));
            }
        }
        let pdf = pdf_text(
            &bytes(&app, "/documents/meetings/2025/1/referat.pdf", None).await,
            Some("referat-1-2025"),
        );
        assert_in_order(&pdf, &expected, "referat.pdf");
        assert!(!pdf.contains("UTKAST"), "published minutes are no draft");
        assert!(
            !pdf.contains("Styremedlem i en høringsinstans"),
            "habilitet reasons stay out of the minutes"
        );
        let docx = docx_text(&bytes(&app, "/documents/meetings/2025/1/referat.docx", None).await);
        assert_in_order(&docx, &expected, "referat.docx");

        // Møte 2/2025: digital for part of the meeting, and a møtende vara.
        let sec = app.secretariat().await;
        let pdf = pdf_text(
            &bytes(&app, "/documents/meetings/2025/2/referat.pdf", Some(&sec)).await,
            Some("referat-2-2025"),
        );
        assert_in_order(
            &pdf,
            &[
                "Onsdag 21. mai 2025, kl. 10–15".into(),
                format!(
                    "{}, Folkehelseinstituttet, digitalt, deler av møtet",
                    MEMBERS[2]
                ),
                "Møtende vara".into(),
                format!("{SUBSTITUTE}, KS, møtende vara"),
            ],
            "referat 2/2025",
        );
    }
);

both_backends!(
    innkalling_saksdokumenter_and_saksfremlegg_follow_the_agenda,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        year2025::arrange(&app.state.db.write).await;
        let saker = saker_of(1, 1);
        let mut agenda: Vec<String> = vec![
            "Innkalling og saksliste – møte 1/2025".into(),
            "Til HelseOmsorg21-rådet".into(),
            "Onsdag 12. februar 2025, kl. 10–15".into(),
            "Saksliste".into(),
        ];
        for (code, title, _) in &saker {
            agenda.push(format!("{code} {title}"));
        }
        for format in ["pdf", "docx"] {
            let body = bytes(
                &app,
                &format!("/documents/meetings/2025/1/innkalling.{format}"),
                None,
            )
            .await;
            let text = if format == "pdf" {
                pdf_text(&body, Some("innkalling-1-2025"))
            } else {
                docx_text(&body)
            };
            assert_in_order(&text, &agenda, &format!("innkalling.{format}"));
            assert!(
                !text.contains("Trukket sak"),
                "withdrawn saker are not on the agenda"
            );
            assert!(text.contains("10:15–10:20"), "the time slots");
        }

        // The saksdokumenter: the agenda, then each saksfremlegg in order.
        let mut papers = agenda.clone();
        for (code, title, _) in &saker {
            papers.push(format!("Saksfremlegg – møte 1/2025 {code} {title}"));
            if code == "Sak 4/1/2025" {
                papers.extend(
                    [
                        "Type sak Diskusjonssak/vedtakssak",
                        "Til HelseOmsorg21-rådet",
                        "Fra Ole Johan Borge",
                        "Saksbehandler Henrietta Blankson",
                        "Vedlegg 1. Utkast til aktivitetsplan 2025",
                        "Bakgrunn Rådet har diskutert aktivitetsplanen for 2025.",
                        "• Arendalsuka 2025",
                        "Hovedpunkter Forslagene bygger på rådets handlingsplan.",
                        "Forslag til vedtak Rådet ber sekretariatet følge opp aktivitetene.",
                    ]
                    .map(String::from),
                );
            }
        }
        let text = pdf_text(
            &bytes(&app, "/documents/meetings/2025/1/saksdokumenter.pdf", None).await,
            Some("saksdokumenter-1-2025"),
        );
        assert_in_order(&text, &papers, "saksdokumenter.pdf");
        let text =
            docx_text(&bytes(&app, "/documents/meetings/2025/1/saksdokumenter.docx", None).await);
        assert_in_order(&text, &papers, "saksdokumenter.docx");

        let one = pdf_text(
            &bytes(&app, "/documents/saker/2025/4.pdf", None).await,
            Some("saksfremlegg-4-1-2025"),
        );
        assert_in_order(
            &one,
            &[
                "Sak 4/1/2025".into(),
                "Aktiviteter 2025".into(),
                "Hvorfor saken fremmes".into(),
                "Forslag til vedtak".into(),
            ],
            "saksfremlegg",
        );
        assert!(!one.contains("Sak 5/1/2025"), "only the one sak");
    }
);

both_backends!(
    the_document_urls_follow_the_same_role_rules_as_the_api,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let year = year2025::arrange(&app.state.db.write).await;
        let sec = app.secretariat().await;
        let member = app.user(UserRole::Member, Some(year.people[0].0)).await;
        let status = |path: &'static str, token: Option<String>| {
            let app = &app;
            async move { fetch(app, path, token.as_deref()).await.status().as_u16() }
        };
        // Approved but not published minutes: members and the secretariat, not the public.
        assert_eq!(
            status("/documents/meetings/2025/2/referat.pdf", None).await,
            404
        );
        assert_eq!(
            status(
                "/documents/meetings/2025/2/referat.pdf",
                Some(member.clone())
            )
            .await,
            200
        );
        // A planned meeting's papers exist only for the secretariat, marked as a draft.
        assert_eq!(
            status("/documents/meetings/2025/4/innkalling.pdf", None).await,
            404
        );
        assert_eq!(
            status(
                "/documents/meetings/2025/4/innkalling.pdf",
                Some(member.clone())
            )
            .await,
            404
        );
        let planned = pdf_text(
            &bytes(
                &app,
                "/documents/meetings/2025/4/innkalling.pdf",
                Some(&sec),
            )
            .await,
            None,
        );
        assert!(planned.contains("UTKAST"));
        // Unknown meetings, kinds and formats look the same as hidden ones.
        for path in [
            "/documents/meetings/2025/9/referat.pdf",
            "/documents/meetings/2025/1/protokoll.pdf",
            "/documents/meetings/2025/1/referat.exe",
            "/documents/saker/2025/6.pdf",
        ] {
            assert_eq!(status(path, Some(sec.clone())).await, 404, "{path}");
        }
        // The oversikt and the annual report need a login (or a token with the scope).
        assert_eq!(status("/documents/oversikt.pdf", None).await, 401);
        assert_eq!(status("/documents/annual-report/2025.pdf", None).await, 401);

        let public = fetch(&app, "/documents/meetings/2025/1/referat.pdf", None).await;
        assert_eq!(public.headers()["content-type"], "application/pdf");
        assert_eq!(public.headers()["cache-control"], "public, max-age=300");
        assert_eq!(
            public.headers()["content-disposition"],
            "inline; filename=\"Referat mote 1-2025.pdf\"; filename*=UTF-8''Referat%20m%C3%B8te%201-2025.pdf"
        );
        let private = fetch(
            &app,
            "/documents/meetings/2025/2/referat.docx",
            Some(&member),
        )
        .await;
        assert_eq!(private.headers()["cache-control"], "private, no-store");
        assert!(
            private.headers()["content-disposition"]
                .to_str()
                .unwrap_or_default()
                .starts_with("attachment;")
        );
    }
);

both_backends!(
    the_oversikt_and_the_annual_report_come_as_documents,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        year2025::arrange(&app.state.db.write).await;
        let sec = app.secretariat().await;
        let token = app
        .gql_ok(
            Some(&sec),
            "mutation { createApiToken(input: { name: \"rapport\", scopes: [\"reports:read\"] }) { token } }",
            json!({}),
        )
        .await["createApiToken"]["token"]
        .as_str()
        .expect("token")
        .to_owned();
        let oversikt = [
            "Oversikt meldinger og strategier".to_owned(),
            "Melding/strategi/NOU".into(),
            "NOU 2025: 8".into(),
            "Innspill, 21.5.2025".into(),
            "Meld. St. 21 (2024–2025)".into(),
            "Høringssvar til Stortinget, 2.5.2025".into(),
            "Endringer i reglene om taushetsplikt".into(),
            "Ikke levert høringssvar".into(),
        ];
        // Cells wrap in the PDF's narrow columns, so there only what fits on one line.
        let text = pdf_text(
            &bytes(&app, "/documents/oversikt.pdf", Some(&sec)).await,
            Some("oversikt"),
        );
        assert_in_order(&text, &oversikt[..3], "oversikt.pdf");
        for e in [&oversikt[3], &oversikt[4], &oversikt[6]] {
            assert!(text.contains(e.as_str()), "oversikt.pdf lacks {e:?}");
        }
        let docx = docx_text(&bytes(&app, "/documents/oversikt.docx", Some(&sec)).await);
        assert_in_order(&docx, &oversikt, "oversikt.docx");

        let report = [
            "Årsrapport 2025 – nøkkeltall".to_owned(),
            "Møter avholdt 2".into(),
            "Substansielle vedtak 3".into(),
            "Møter".into(),
            "1/2025 2025-02-12".into(),
            "Oppmøte per medlem".into(),
            "Åse Ødegård".into(),
            "Arrangementer".into(),
            "Helsenæring: Hvordan ta sats med fart og kraft?".into(),
        ];
        let text = pdf_text(
            &bytes(&app, "/documents/annual-report/2025.pdf", Some(&token)).await,
            Some("arsrapport-2025"),
        );
        assert_in_order(&text, &report, "annual-report.pdf");
        let docx =
            docx_text(&bytes(&app, "/documents/annual-report/2025.docx", Some(&token)).await);
        assert_in_order(&docx, &report, "annual-report.docx");
    }
);

both_backends!(
    the_demo_papers_come_out_with_every_sak_and_vedtak_in_order,
    |backend: Backend| async move {
        use entity::{meeting, sak};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        let app = TestApp::spawn(backend).await;
        motebok::demo::load(
            &app.state.db,
            &app.state.config,
            &motebok::demo::DemoArgs::default(),
        )
        .await
        .expect("the demo data loads");
        let sec = app.secretariat().await;
        let db = &app.state.db.read;
        for (number, kind) in [(2, "referat"), (3, "saksdokumenter")] {
            let m = meeting::Entity::find()
                .filter(meeting::Column::Year.eq(2025))
                .filter(meeting::Column::Number.eq(number))
                .one(db)
                .await
                .expect("query")
                .expect("the meeting");
            let saker = sak::Entity::find()
                .filter(sak::Column::MeetingId.eq(m.id))
                .order_by_asc(sak::Column::Position)
                .all(db)
                .await
                .expect("saker");
            assert!(!saker.is_empty());
            let path = format!("/documents/meetings/2025/{number}/{kind}.pdf");
            let text = pdf_text(
                &bytes(&app, &path, Some(&sec)).await,
                Some(&format!("demo-{kind}-{number}-2025")),
            );
            let docx = docx_text(&bytes(&app, &path.replace(".pdf", ".docx"), Some(&sec)).await);
            let mut expected = Vec::new();
            for s in &saker {
                expected.push(format!("Sak {}/{number}/2025", s.number));
                expected.push(s.title.clone());
                let decision = if kind == "referat" {
                    &s.vedtak
                } else {
                    &s.proposed_vedtak
                };
                if let Some(v) = decision
                    .as_deref()
                    .and_then(|v| v.lines().find(|l| !l.trim().is_empty()))
                {
                    expected.push(collapse(v));
                }
            }
            if kind == "saksdokumenter" {
                // The saksliste comes first with every code and title; check the saksfremlegg.
                let start = text
                    .find("Saksfremlegg – møte 3/2025")
                    .expect("saksfremlegg");
                assert_in_order(&text[start..], &expected, "demo saksdokumenter.pdf");
            } else {
                assert_in_order(&text, &expected, "demo referat.pdf");
                for name in [
                    "Per Morten Sandset",
                    "Esperanza Diaz",
                    "Hjørdis Møller Sandborg",
                    "Bjørn Egil Vikse",
                    "Hilde Grindvik Nielsen",
                ] {
                    assert!(
                        text.contains(name) && docx.contains(name),
                        "{name} in the referat"
                    );
                }
            }
            let start = docx
                .find(if kind == "referat" {
                    "Referat møte"
                } else {
                    "Saksfremlegg – møte 3/2025"
                })
                .expect("start");
            assert_in_order(&docx[start..], &expected, &format!("demo {kind}.docx"));
        }
    }
);
