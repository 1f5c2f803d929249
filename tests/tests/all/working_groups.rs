//! Working groups: set up from a vedtak, with members and placeholders, and a membership
//! history that answers "who was in the group on that day".
use entity::enums::UserRole;
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use serde_json::{Value, json};

use crate::policy_fixtures::*;

const GROUP: &str = "query($id: ID!, $on: NaiveDate) { workingGroup(id: $id) { name version status
  leader { displayName }
  members(on: $on) { id role displayName placeholder startsOn endsOn }
  establishedBySak { id title } policyDocument { title } consultationRounds { id } } }";

const REPLACE: &str = "mutation($input: ReplaceWorkingGroupMemberInput!) {
  replaceWorkingGroupMember(input: $input) { id displayName role startsOn endsOn } }";

fn names(members: &Value) -> Vec<String> {
    members
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| m["displayName"].as_str().unwrap_or_default().to_owned())
        .collect()
}

both_backends!(
    a_group_set_up_by_a_vedtak_has_its_members_placeholders_leader_and_hoering,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let (_, _, sak) = meeting_with_sak(&app, &token, &day(7)).await;
        let (doc, round) = document_with_hoering(
            &app,
            &token,
            "Folkehelse – verdier, kunnskap og prioritering",
            "2025-12-22",
            json!({}),
        )
        .await;
        let guri = person(&app, &token, "Guri Rørtveit").await;
        let toril = person(&app, &token, "Toril Hernes").await;

        let group = app
            .gql_ok(
                Some(&token),
                CREATE_GROUP,
                json!({ "input": {
                    "kind": "ARBEIDSGRUPPE",
                    "name": "Arbeidsgruppen for høringssvar til NOU 2025: 8",
                    "purpose": "Bistå sekretariatet i et første utkast til høringsinnspill",
                    "establishedBySakId": sak,
                    "policyDocumentId": doc["id"],
                    "consultationRoundId": round["id"],
                    "status": "ACTIVE",
                    "startsOn": "2025-11-01",
                    "members": [
                        { "personId": guri, "role": "LEADER" },
                        { "personId": toril },
                        { "placeholder": "en fra KS" }
                    ]
                } }),
            )
            .await["createWorkingGroup"]
            .clone();

        let read = app
            .gql_ok(Some(&token), GROUP, json!({ "id": group["id"] }))
            .await["workingGroup"]
            .clone();
        assert_eq!(read["leader"]["displayName"], "Guri Rørtveit");
        assert_eq!(
            names(&read["members"]),
            ["Guri Rørtveit", "Toril Hernes", "en fra KS"]
        );
        assert_eq!(
            read["members"][0]["startsOn"], "2025-11-01",
            "members start with the group"
        );
        assert_eq!(read["establishedBySak"]["id"], sak);
        assert_eq!(
            read["policyDocument"]["title"],
            "Folkehelse – verdier, kunnskap og prioritering"
        );
        assert_eq!(read["consultationRounds"][0]["id"], round["id"]);
        let answered = app
            .gql_ok(
                Some(&token),
                "query($id: ID!) { consultationRound(id: $id) { flags workingGroup { name } } }",
                json!({ "id": round["id"] }),
            )
            .await;
        assert_eq!(
            answered["consultationRound"]["workingGroup"]["name"],
            "Arbeidsgruppen for høringssvar til NOU 2025: 8"
        );
        assert_eq!(
            answered["consultationRound"]["flags"],
            json!([]),
            "a group answers it now"
        );
    }
);

both_backends!(
    membership_changes_keep_their_history,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let per = person(&app, &token, "Per Morten Sandset").await;
        let oivind = person(&app, &token, "Øivind Enger").await;
        let ina = person(&app, &token, "Ina Kathrine Dahlsveen").await;
        let group = app
            .gql_ok(
                Some(&token),
                CREATE_GROUP,
                json!({ "input": { "kind": "ARBEIDSGRUPPE", "name": "Arbeidsgruppe for oppfølging av fagevalueringen",
                    "status": "ACTIVE", "startsOn": "2025-05-21",
                    "members": [ { "personId": per }, { "placeholder": "[ ]" }, { "personId": oivind } ] } }),
            )
            .await["createWorkingGroup"]
            .clone();
        let placeholder = group["members"][1]["id"].clone();
        let oivind_row = group["members"][2]["id"].clone();

        // The placeholder is filled in at the next meeting; Øivind leaves; Per leads from autumn.
        let filled = app
            .gql_ok(Some(&token), REPLACE, json!({ "input": { "workingGroupId": group["id"], "version": 1,
                "memberId": placeholder, "on": "2025-09-01", "replacement": { "personId": ina } } }))
            .await["replaceWorkingGroupMember"]
            .clone();
        assert_eq!(filled["startsOn"], "2025-09-01");
        app.gql_ok(
            Some(&token),
            "mutation($input: EndWorkingGroupMembershipInput!) { endWorkingGroupMembership(input: $input) { endsOn } }",
            json!({ "input": { "workingGroupId": group["id"], "version": 2, "memberId": oivind_row, "endsOn": "2025-10-31" } }),
        )
        .await;
        let per_row = group["members"][0]["id"].clone();
        app.gql_ok(Some(&token), REPLACE, json!({ "input": { "workingGroupId": group["id"], "version": 3,
            "memberId": per_row, "on": "2025-11-01", "replacement": { "personId": per, "role": "LEADER" } } }))
            .await;

        let on = |d: &'static str| {
            let app = &app;
            let token = &token;
            let id = group["id"].clone();
            async move {
                app.gql_ok(Some(token), GROUP, json!({ "id": id, "on": d }))
                    .await["workingGroup"]["members"]
                    .clone()
            }
        };
        assert_eq!(
            names(&on("2025-06-01").await),
            ["Per Morten Sandset", "[ ]", "Øivind Enger"]
        );
        assert_eq!(
            names(&on("2025-10-01").await),
            [
                "Per Morten Sandset",
                "Øivind Enger",
                "Ina Kathrine Dahlsveen"
            ]
        );
        let december = on("2025-12-01").await;
        assert_eq!(
            names(&december),
            ["Per Morten Sandset", "Ina Kathrine Dahlsveen"]
        );
        assert_eq!(december[0]["role"], "LEADER");
        let everything = app
            .gql_ok(Some(&token), GROUP, json!({ "id": group["id"] }))
            .await["workingGroup"]
            .clone();
        assert_eq!(
            everything["members"].as_array().map(Vec::len),
            Some(5),
            "ended rows stay"
        );
        assert_eq!(everything["version"], 4);

        let history = app
            .gql_ok(
                Some(&token),
                "query($p: ID!) { workingGroupHistory(personId: $p) { role startsOn endsOn workingGroup { name } } }",
                json!({ "p": per }),
            )
            .await["workingGroupHistory"]
            .clone();
        assert_eq!(history.as_array().map(Vec::len), Some(2));
        assert_eq!(history[0]["role"], "MEMBER");
        assert_eq!(history[0]["endsOn"], "2025-10-31");
        assert_eq!(history[1]["role"], "LEADER");
        assert_eq!(history[1]["startsOn"], "2025-11-01");
        assert!(history[1]["endsOn"].is_null());
    }
);

both_backends!(
    a_membership_change_on_a_stale_version_is_a_conflict_and_changes_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let group = app
            .gql_ok(
                Some(&token),
                CREATE_GROUP,
                json!({ "input": { "kind": "REFERANSEGRUPPE", "name": "Referansegruppe",
                "members": [ { "placeholder": "NN" } ] } }),
            )
            .await["createWorkingGroup"]
            .clone();
        let add = "mutation($input: AddWorkingGroupMemberInput!) { addWorkingGroupMember(input: $input) { id } }";
        app.gql_ok(Some(&token), add, json!({ "input": { "workingGroupId": group["id"], "version": 1, "member": { "placeholder": "en fra KS" } } }))
            .await;

        let stale = app
            .gql(Some(&token), add, json!({ "input": { "workingGroupId": group["id"], "version": 1, "member": { "placeholder": "en fra LMI" } } }))
            .await;

        assert_eq!(error_code(&stale), Some("CONFLICT"));
        let read = app
            .gql_ok(Some(&token), GROUP, json!({ "id": group["id"] }))
            .await;
        assert_eq!(names(&read["workingGroup"]["members"]), ["NN", "en fra KS"]);
    }
);

both_backends!(
    groups_active_on_a_date_and_my_groups,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let esperanza = person(&app, &token, "Esperanza Diaz").await;
        let mk = |name: &'static str,
                  status: &'static str,
                  starts: Value,
                  ends: Value,
                  members: Value| {
            let app = &app;
            let token = &token;
            async move {
                app.gql_ok(
                    Some(token),
                    CREATE_GROUP,
                    json!({ "input": { "kind": "ARBEIDSGRUPPE", "name": name,
                    "status": status, "startsOn": starts, "endsOn": ends, "members": members } }),
                )
                .await["createWorkingGroup"]
                    .clone()
            }
        };
        mk(
            "Helsedata",
            "ACTIVE",
            json!("2025-01-01"),
            Value::Null,
            json!([{ "personId": esperanza }]),
        )
        .await;
        mk(
            "Arendalsuka 2023",
            "FINISHED",
            json!("2023-02-03"),
            json!("2023-08-31"),
            json!([{ "personId": esperanza }]),
        )
        .await;
        mk(
            "Foreslått",
            "PROPOSED",
            Value::Null,
            Value::Null,
            json!([{ "personId": esperanza }]),
        )
        .await;
        mk(
            "Uten Esperanza",
            "ACTIVE",
            Value::Null,
            Value::Null,
            json!([{ "placeholder": "NN" }]),
        )
        .await;
        let q =
            "query($on: NaiveDate) { workingGroups(activeOn: $on) { edges { node { name } } } }";
        let list = |v: &Value, key: &str| -> Vec<String> {
            let mut n: Vec<String> = v[key]["edges"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| e["node"]["name"].as_str().unwrap_or_default().to_owned())
                .collect();
            n.sort();
            n
        };

        let in_2023 = app
            .gql_ok(Some(&token), q, json!({ "on": "2023-06-01" }))
            .await;
        let in_2025 = app
            .gql_ok(Some(&token), q, json!({ "on": "2025-06-01" }))
            .await;
        let member_id: i32 = esperanza.parse().unwrap_or_default();
        let member = app.user(UserRole::Member, Some(member_id)).await;
        let mine = "query($all: Boolean) { myWorkingGroups(includeEnded: $all) { edges { node { name } } } }";
        let current = app.gql_ok(Some(&member), mine, json!({})).await;
        let ever = app
            .gql_ok(Some(&member), mine, json!({ "all": true }))
            .await;
        let public = app.gql(None, mine, json!({})).await;

        assert_eq!(
            list(&in_2023, "workingGroups"),
            ["Arendalsuka 2023", "Uten Esperanza"]
        );
        assert_eq!(
            list(&in_2025, "workingGroups"),
            ["Helsedata", "Uten Esperanza"]
        );
        assert_eq!(
            list(&current, "myWorkingGroups"),
            ["Foreslått", "Helsedata"]
        );
        assert_eq!(
            list(&ever, "myWorkingGroups"),
            ["Arendalsuka 2023", "Foreslått", "Helsedata"]
        );
        assert_eq!(error_code(&public), Some("UNAUTHENTICATED"));
    }
);

both_backends!(
    bad_working_group_input_is_rejected_with_the_field_named,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let nn = person(&app, &token, "Mari Trommald").await;
        let create = |input: Value| {
            let app = &app;
            let token = &token;
            async move {
                app.gql(Some(token), CREATE_GROUP, json!({ "input": input }))
                    .await
            }
        };

        let kind = create(json!({ "kind": "KOMITE", "name": "X" })).await;
        let finished =
            create(json!({ "kind": "ARBEIDSGRUPPE", "name": "X", "status": "FINISHED" })).await;
        let backwards = create(json!({ "kind": "ARBEIDSGRUPPE", "name": "X", "startsOn": "2025-06-01", "endsOn": "2025-01-01" })).await;
        let both = create(json!({ "kind": "ARBEIDSGRUPPE", "name": "X", "members": [{ "personId": nn, "placeholder": "NN" }] })).await;
        let twice = create(json!({ "kind": "ARBEIDSGRUPPE", "name": "X", "members": [{ "personId": nn }, { "personId": nn }] })).await;
        let two_leaders = create(json!({ "kind": "ARBEIDSGRUPPE", "name": "X",
            "members": [{ "placeholder": "NN", "role": "LEADER" }, { "placeholder": "NN", "role": "LEADER" }] })).await;
        let bad_date =
            create(json!({ "kind": "ARBEIDSGRUPPE", "name": "X", "startsOn": "1. mai" })).await;

        assert_eq!(error_code(&kind), Some("VALIDATION"));
        assert!(
            kind["errors"][0]["message"]
                .as_str()
                .unwrap_or_default()
                .contains("KOMITE")
        );
        assert_eq!(finished["errors"][0]["extensions"]["field"], "endsOn");
        assert_eq!(backwards["errors"][0]["extensions"]["field"], "endsOn");
        assert_eq!(both["errors"][0]["extensions"]["field"], "personId");
        assert_eq!(twice["errors"][0]["extensions"]["field"], "personId");
        assert_eq!(two_leaders["errors"][0]["extensions"]["field"], "role");
        assert_eq!(error_code(&bad_date), Some("VALIDATION"));
        let none = app
            .gql_ok(Some(&token), "{ workingGroups { totalCount } }", json!({}))
            .await;
        assert_eq!(
            none["workingGroups"]["totalCount"], 0,
            "nothing half-written"
        );
    }
);

both_backends!(
    the_public_does_not_see_a_group_before_its_vedtak_is_in_published_minutes,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let (meeting, version, sak) = meeting_with_sak(&app, &token, &day(7)).await;
        publish_notice(&app, &token, &meeting, version).await;
        let doc = create_document(
            &app,
            &token,
            json!({ "kind": "NOU", "title": "Helsereformutvalget", "decidedInSakId": sak }),
        )
        .await;
        let round = add_round(
            &app,
            &token,
            json!({ "policyDocumentId": doc["id"], "kind": "INNSPILL", "deadline": day(60) }),
        )
        .await;
        let group = app
            .gql_ok(
                Some(&token),
                CREATE_GROUP,
                json!({ "input": { "kind": "ARBEIDSGRUPPE",
                "name": "Arbeidsgruppen for Helsereformutvalget", "establishedBySakId": sak,
                "consultationRoundId": round["id"], "members": [ { "placeholder": "[ ]" } ] } }),
            )
            .await["createWorkingGroup"]
            .clone();
        let q = "query($id: ID!, $round: ID!) { workingGroups { totalCount } workingGroup(id: $id) { name }
            consultationRound(id: $round) { workingGroup { name } policyDocument { title } } }";
        let vars = json!({ "id": group["id"], "round": round["id"] });

        let public = app.gql_ok(None, q, vars.clone()).await;
        let secretariat = app.gql_ok(Some(&token), q, vars).await;

        assert_eq!(public["workingGroups"]["totalCount"], 0);
        assert!(public["workingGroup"].is_null());
        assert_eq!(
            public["consultationRound"]["policyDocument"]["title"], "Helsereformutvalget",
            "the papers are public"
        );
        assert!(
            public["consultationRound"]["workingGroup"].is_null(),
            "the minutes are not"
        );
        assert_eq!(secretariat["workingGroups"]["totalCount"], 1);
        assert_eq!(
            secretariat["consultationRound"]["workingGroup"]["name"],
            "Arbeidsgruppen for Helsereformutvalget"
        );
    }
);
