/*
 * records.h - the described records of the domain (GLOSSARY.md).
 *
 * Each table is one column list, X(struct, column, type, label, flags,
 * max chars, min, max, choices), in schema order.  From that single list
 * come the C struct, the field descriptions and the constant SQL (see
 * src/store/records.c), so the three can never drift apart.  The client
 * itself has its own module (store_client.h) for its sort and search keys.
 */
#ifndef TSUNAGI_RECORDS_H
#define TSUNAGI_RECORDS_H

#include <stdbool.h>
#include <stdint.h>

#include "tsunagi/due.h"
#include "tsunagi/i18n.h"
#include "tsunagi/record.h"
#include "tsunagi/store.h"

extern const char *const rec_components[];     /* b s d e personal */
extern const char *const rec_plan_stages[];    /* draft final superseded */
extern const char *const rec_methods[];        /* visit office other */

#define REC_CT_FT_ID int64_t
#define REC_CT_FT_TEXT char *
#define REC_CT_FT_DATE date_t
#define REC_CT_FT_INT int
#define REC_CT_FT_BOOL bool
#define REC_CT_FT_CHOICE char *
#define REC_CT_FT_MONTH month_t
#define REC_MEMBER(st, c, t, ...) REC_CT_##t c;

#define REC_S STORE_SHORT_MAX
#define REC_T STORE_TEXT_MAX
#define REC_ML FF_MULTILINE
#define REC_PARENT (FF_PARENT | FF_REQUIRED | FF_HIDDEN)

#define contact_COLUMNS(X) \
	X(contact, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(contact, role, FT_CHOICE, N_("role"), 0, 0, 0, 0, store_contact_roles) \
	X(contact, name, FT_TEXT, N_("name"), FF_REQUIRED, STORE_NAME_MAX, 0, 0, NULL) \
	X(contact, kana, FT_TEXT, N_("kana"), 0, STORE_NAME_MAX, 0, 0, NULL) \
	X(contact, relation, FT_TEXT, N_("relation"), 0, REC_S, 0, 0, NULL) \
	X(contact, organization, FT_TEXT, N_("organization"), 0, REC_S, 0, 0, NULL) \
	X(contact, phone, FT_TEXT, N_("phone"), 0, 40, 0, 0, NULL) \
	X(contact, address, FT_TEXT, N_("address"), 0, REC_S, 0, 0, NULL) \
	X(contact, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL)

#define certificate_COLUMNS(X) \
	X(certificate, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(certificate, kind, FT_CHOICE, N_("kind"), 0, 0, 0, 0, store_cert_kinds) \
	X(certificate, number, FT_TEXT, N_("number"), 0, 20, 0, 0, NULL) \
	X(certificate, municipality, FT_TEXT, N_("municipality"), 0, REC_S, 0, 0, NULL) \
	X(certificate, valid_from, FT_DATE, N_("valid from"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(certificate, valid_to, FT_DATE, N_("valid to"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(certificate, support_level, FT_INT, N_("support level"), FF_NULLABLE | FF_LEVEL, 0, 0, 6, NULL) \
	X(certificate, copay_cap_yen, FT_INT, N_("co-payment cap (yen)"), FF_NULLABLE | FF_YEN, 0, 0, 1000000, NULL) \
	X(certificate, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL)

#define consent_COLUMNS(X) \
	X(consent, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(consent, shared_with, FT_TEXT, N_("shared with"), FF_REQUIRED, REC_S, 0, 0, NULL) \
	X(consent, purpose, FT_TEXT, N_("purpose"), 0, REC_S, 0, 0, NULL) \
	X(consent, valid_from, FT_DATE, N_("valid from"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(consent, valid_to, FT_DATE, N_("valid to"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(consent, withdrawn_on, FT_DATE, N_("withdrawn on"), 0, 0, 0, 0, NULL) \
	X(consent, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL)

#define intake_COLUMNS(X) \
	X(intake, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(intake, intake_on, FT_DATE, N_("intake date"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(intake, referral_route, FT_TEXT, N_("referral route"), 0, REC_S, 0, 0, NULL) \
	X(intake, complaint, FT_TEXT, N_("chief complaint"), REC_ML, REC_T, 0, 0, NULL) \
	X(intake, client_wishes, FT_TEXT, N_("client's wishes"), REC_ML, REC_T, 0, 0, NULL) \
	X(intake, family_wishes, FT_TEXT, N_("family's wishes"), REC_ML, REC_T, 0, 0, NULL) \
	X(intake, urgency, FT_INT, N_("urgency (1-3)"), 0, 0, 1, 3, NULL) \
	X(intake, consent_taken, FT_BOOL, N_("consent taken"), 0, 0, 0, 0, NULL) \
	X(intake, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL)

#define assessment_COLUMNS(X) \
	X(assessment, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(assessment, assessed_on, FT_DATE, N_("assessed on"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(assessment, health, FT_TEXT, N_("health condition"), REC_ML, REC_T, 0, 0, NULL) \
	X(assessment, client_wishes, FT_TEXT, N_("client's wishes"), REC_ML, REC_T, 0, 0, NULL) \
	X(assessment, family_wishes, FT_TEXT, N_("family's wishes"), REC_ML, REC_T, 0, 0, NULL) \
	X(assessment, family, FT_TEXT, N_("family structure"), REC_ML, REC_T, 0, 0, NULL) \
	X(assessment, agencies, FT_TEXT, N_("agencies involved"), REC_ML, REC_T, 0, 0, NULL) \
	X(assessment, life_history, FT_TEXT, N_("life history"), REC_ML, REC_T, 0, 0, NULL) \
	X(assessment, medical, FT_TEXT, N_("medical situation"), REC_ML, REC_T, 0, 0, NULL) \
	X(assessment, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL)

#define assessment_item_COLUMNS(X) \
	X(assessment_item, assessment_id, FT_ID, N_("assessment"), REC_PARENT, 0, 0, 0, NULL) \
	X(assessment_item, position, FT_INT, N_("position"), FF_HIDDEN, 0, 0, 100000, NULL) \
	X(assessment_item, component, FT_CHOICE, N_("ICF component"), 0, 0, 0, 0, rec_components) \
	X(assessment_item, icf_code, FT_TEXT, N_("ICF code"), FF_ICF, 10, 0, 0, NULL) \
	X(assessment_item, qualifier, FT_INT, N_("qualifier"), FF_NULLABLE, 0, 0, 9, NULL) \
	X(assessment_item, capacity, FT_INT, N_("capacity"), FF_NULLABLE, 0, 0, 9, NULL) \
	X(assessment_item, facilitator, FT_BOOL, N_("facilitator"), 0, 0, 0, 0, NULL) \
	X(assessment_item, fact, FT_TEXT, N_("fact"), REC_ML, REC_T, 0, 0, NULL) \
	X(assessment_item, interpretation, FT_TEXT, N_("interpretation"), REC_ML, REC_T, 0, 0, NULL) \
	X(assessment_item, strength, FT_BOOL, N_("strength"), 0, 0, 0, 0, NULL) \
	X(assessment_item, need, FT_BOOL, N_("need"), 0, 0, 0, 0, NULL) \
	X(assessment_item, need_words, FT_TEXT, N_("the need, as the plan states it"), REC_ML, REC_T, 0, 0, NULL)

#define plan_COLUMNS(X) \
	X(plan, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(plan, stage, FT_CHOICE, N_("stage"), 0, 0, 0, 0, rec_plan_stages) \
	X(plan, previous_id, FT_ID, N_("previous plan"), FF_HIDDEN, 0, 0, 0, NULL) \
	X(plan, written_on, FT_DATE, N_("written on"), 0, 0, 0, 0, NULL) \
	X(plan, consented_on, FT_DATE, N_("consented on"), 0, 0, 0, 0, NULL) \
	X(plan, delivered_on, FT_DATE, N_("delivered on"), 0, 0, 0, 0, NULL) \
	X(plan, period_from, FT_DATE, N_("period from"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(plan, period_to, FT_DATE, N_("period to"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(plan, monitoring_months, FT_INT, N_("monitoring interval (months)"), 0, 0, 1, 12, NULL) \
	X(plan, anchor_month, FT_MONTH, N_("monitoring from (month)"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(plan, wishes, FT_TEXT, N_("wishes about life"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan, policy, FT_TEXT, N_("overall support policy"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan, long_goal, FT_TEXT, N_("long-term goal"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan, short_goal, FT_TEXT, N_("short-term goal"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan, daily_activities, FT_TEXT, N_("main daily activities"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan, overall_picture, FT_TEXT, N_("overall picture of life"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan, monitoring_range_from, FT_MONTH, N_("certificate's monitoring months from"), 0, 0, 0, 0, NULL) \
	X(plan, monitoring_range_to, FT_MONTH, N_("certificate's monitoring months to"), 0, 0, 0, 0, NULL)

#define plan_row_COLUMNS(X) \
	X(plan_row, plan_id, FT_ID, N_("plan"), REC_PARENT, 0, 0, 0, NULL) \
	X(plan_row, priority, FT_INT, N_("priority"), 0, 0, 1, 99, NULL) \
	X(plan_row, need, FT_TEXT, N_("need"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan_row, goal, FT_TEXT, N_("support goal"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan_row, target_on, FT_DATE, N_("target date"), 0, 0, 0, 0, NULL) \
	X(plan_row, service_kind, FT_TEXT, N_("service kind"), 0, REC_S, 0, 0, NULL) \
	X(plan_row, service_detail, FT_TEXT, N_("service content"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan_row, service_amount, FT_TEXT, N_("amount (frequency, hours)"), 0, REC_S, 0, 0, NULL) \
	X(plan_row, provider, FT_TEXT, N_("provider (contact, phone)"), 0, REC_S, 0, 0, NULL) \
	X(plan_row, client_role, FT_TEXT, N_("client's own part"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan_row, review_on, FT_DATE, N_("review date"), 0, 0, 0, 0, NULL) \
	X(plan_row, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL) \
	X(plan_row, assessment_item_id, FT_ID, N_("assessment item"), FF_HIDDEN, 0, 0, 0, NULL) \
	X(plan_row, provider_id, FT_ID, N_("provider in the register"), FF_HIDDEN, 0, 0, 0, NULL)

#define weekly_slot_COLUMNS(X) \
	X(weekly_slot, plan_id, FT_ID, N_("plan"), REC_PARENT, 0, 0, 0, NULL) \
	X(weekly_slot, weekday, FT_INT, N_("weekday (0 Mon - 6 Sun/holiday)"), 0, 0, 0, 6, NULL) \
	X(weekly_slot, start_min, FT_INT, N_("start (minutes)"), 0, 0, 0, 1440, NULL) \
	X(weekly_slot, end_min, FT_INT, N_("end (minutes)"), 0, 0, 0, 1440, NULL) \
	X(weekly_slot, activity, FT_TEXT, N_("activity"), FF_REQUIRED, REC_S, 0, 0, NULL)

#define non_weekly_COLUMNS(X) \
	X(non_weekly, plan_id, FT_ID, N_("plan"), REC_PARENT, 0, 0, 0, NULL) \
	X(non_weekly, position, FT_INT, N_("position"), FF_HIDDEN, 0, 0, 100000, NULL) \
	X(non_weekly, service, FT_TEXT, N_("service"), FF_REQUIRED, REC_S, 0, 0, NULL) \
	X(non_weekly, detail, FT_TEXT, N_("detail"), REC_ML, REC_T, 0, 0, NULL)

#define meeting_COLUMNS(X) \
	X(meeting, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(meeting, plan_id, FT_ID, N_("plan"), FF_HIDDEN, 0, 0, 0, NULL) \
	X(meeting, held_on, FT_DATE, N_("held on"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(meeting, held_at, FT_TEXT, N_("time (HH:MM)"), FF_TIME, 16, 0, 0, NULL) \
	X(meeting, place, FT_TEXT, N_("place"), 0, REC_S, 0, 0, NULL) \
	X(meeting, attendees, FT_TEXT, N_("attendees"), REC_ML, REC_T, 0, 0, NULL) \
	X(meeting, agenda, FT_TEXT, N_("agenda"), REC_ML, REC_T, 0, 0, NULL) \
	X(meeting, agreed, FT_TEXT, N_("what was agreed"), REC_ML, REC_T, 0, 0, NULL) \
	X(meeting, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL)

#define action_item_COLUMNS(X) \
	X(action_item, meeting_id, FT_ID, N_("meeting"), REC_PARENT, 0, 0, 0, NULL) \
	X(action_item, what, FT_TEXT, N_("what"), FF_REQUIRED, REC_S, 0, 0, NULL) \
	X(action_item, owner, FT_TEXT, N_("owner"), 0, REC_S, 0, 0, NULL) \
	X(action_item, due_on, FT_DATE, N_("deadline"), 0, 0, 0, 0, NULL) \
	X(action_item, indicator, FT_TEXT, N_("indicator"), 0, REC_S, 0, 0, NULL) \
	X(action_item, done_on, FT_DATE, N_("done on"), 0, 0, 0, 0, NULL)

#define monitoring_COLUMNS(X) \
	X(monitoring, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(monitoring, plan_id, FT_ID, N_("plan"), FF_HIDDEN, 0, 0, 0, NULL) \
	X(monitoring, scheduled_on, FT_DATE, N_("scheduled for"), 0, 0, 0, 0, NULL) \
	X(monitoring, scheduled_at, FT_TEXT, N_("visit time (HH:MM)"), FF_TIME, 16, 0, 0, NULL) \
	X(monitoring, done_on, FT_DATE, N_("done on"), 0, 0, 0, 0, NULL) \
	X(monitoring, method, FT_CHOICE, N_("method"), 0, 0, 0, 0, rec_methods) \
	X(monitoring, situation, FT_TEXT, N_("overall situation"), REC_ML, REC_T, 0, 0, NULL) \
	X(monitoring, change_needed, FT_BOOL, N_("plan change needed"), 0, 0, 0, 0, NULL) \
	X(monitoring, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL)

#define monitoring_row_COLUMNS(X) \
	X(monitoring_row, monitoring_id, FT_ID, N_("monitoring"), REC_PARENT, 0, 0, 0, NULL) \
	X(monitoring_row, plan_row_id, FT_ID, N_("plan row"), FF_HIDDEN, 0, 0, 0, NULL) \
	X(monitoring_row, delivery, FT_TEXT, N_("service delivery"), REC_ML, REC_T, 0, 0, NULL) \
	X(monitoring_row, satisfaction, FT_TEXT, N_("client's view"), REC_ML, REC_T, 0, 0, NULL) \
	X(monitoring_row, attainment, FT_TEXT, N_("goal attainment"), REC_ML, REC_T, 0, 0, NULL) \
	X(monitoring_row, gas, FT_INT, N_("GAS (-2 to +2)"), FF_NULLABLE, 0, -2, 2, NULL) \
	X(monitoring_row, next_steps, FT_TEXT, N_("next steps"), REC_ML, REC_T, 0, 0, NULL) \
	X(monitoring_row, change_kind, FT_BOOL, N_("change service kind"), 0, 0, 0, 0, NULL) \
	X(monitoring_row, change_amount, FT_BOOL, N_("change amount"), 0, 0, 0, 0, NULL) \
	X(monitoring_row, change_weekly, FT_BOOL, N_("change weekly plan"), 0, 0, 0, 0, NULL) \
	X(monitoring_row, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL)

/* A monitoring month that could not be done (モニタリング未実施) and why. */
#define monitoring_skip_COLUMNS(X) \
	X(monitoring_skip, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(monitoring_skip, plan_id, FT_ID, N_("plan"), FF_HIDDEN, 0, 0, 0, NULL) \
	X(monitoring_skip, month, FT_MONTH, N_("monitoring month"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(monitoring_skip, reason, FT_CHOICE, N_("reason not done"), 0, 0, 0, 0, due_skip_reasons) \
	X(monitoring_skip, detail, FT_TEXT, N_("in your words"), REC_ML, REC_T, 0, 0, NULL)

#define note_COLUMNS(X) \
	X(note, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(note, noted_on, FT_DATE, N_("date"), FF_REQUIRED, 0, 0, 0, NULL) \
	X(note, noted_at, FT_TEXT, N_("time (HH:MM)"), FF_TIME, 16, 0, 0, NULL) \
	X(note, kind, FT_CHOICE, N_("kind"), 0, 0, 0, 0, store_note_kinds) \
	X(note, with_whom, FT_TEXT, N_("with whom"), 0, REC_S, 0, 0, NULL) \
	X(note, minutes, FT_INT, N_("minutes spent"), FF_NULLABLE, 0, 0, 1440, NULL) \
	X(note, subjective, FT_TEXT, N_("S: subjective"), REC_ML | FF_STYLE_SOAP, REC_T, 0, 0, NULL) \
	X(note, objective, FT_TEXT, N_("O: objective"), REC_ML | FF_STYLE_SOAP, REC_T, 0, 0, NULL) \
	X(note, assessment, FT_TEXT, N_("A: assessment"), REC_ML | FF_STYLE_SOAP, REC_T, 0, 0, NULL) \
	X(note, plan, FT_TEXT, N_("P: plan"), REC_ML | FF_STYLE_SOAP, REC_T, 0, 0, NULL) \
	X(note, fact, FT_TEXT, N_("fact"), REC_ML | FF_STYLE_FACT, REC_T, 0, 0, NULL) \
	X(note, interpretation, FT_TEXT, N_("interpretation"), REC_ML | FF_STYLE_FACT, REC_T, 0, 0, NULL) \
	X(note, next_step, FT_TEXT, N_("next step"), REC_ML, REC_T, 0, 0, NULL) \
	X(note, next_on, FT_DATE, N_("next step by"), 0, 0, 0, 0, NULL) \
	X(note, next_done_on, FT_DATE, N_("next step done on"), 0, 0, 0, 0, NULL)

#define crisis_plan_COLUMNS(X) \
	X(crisis_plan, client_id, FT_ID, N_("client"), REC_PARENT, 0, 0, 0, NULL) \
	X(crisis_plan, warning_signs, FT_TEXT, N_("warning signs"), REC_ML, REC_T, 0, 0, NULL) \
	X(crisis_plan, actions, FT_TEXT, N_("what to do"), REC_ML, REC_T, 0, 0, NULL) \
	X(crisis_plan, whom_to_call, FT_TEXT, N_("whom to call"), REC_ML, REC_T, 0, 0, NULL)

/* A service provider of the office's register (事業所): no client owns
 * it; plan rows link to it (plan_row.provider_id). */
#define service_provider_COLUMNS(X) \
	X(service_provider, name, FT_TEXT, N_("provider name"), FF_REQUIRED, REC_S, 0, 0, NULL) \
	X(service_provider, service_kinds, FT_TEXT, N_("service kinds"), 0, REC_S, 0, 0, NULL) \
	X(service_provider, contact_person, FT_TEXT, N_("contact person"), 0, STORE_NAME_MAX, 0, 0, NULL) \
	X(service_provider, phone, FT_TEXT, N_("phone"), 0, 40, 0, 0, NULL) \
	X(service_provider, address, FT_TEXT, N_("address"), 0, REC_S, 0, 0, NULL) \
	X(service_provider, remarks, FT_TEXT, N_("remarks"), REC_ML, REC_T, 0, 0, NULL)

/*
 * Every record kind, once, in the order of the client card's tabs.  One
 * line carries all that is said about a kind outside its columns:
 *   X(name, label, parent, order, check, guard, form, tab)
 *   name    the table and the struct (its columns are name_COLUMNS)
 *   label   N_() for messages: "certificate"
 *   parent  the column that owns a row; REC_NO_PARENT for the register
 *   order   the list's ORDER BY
 *   check   checks across fields (records.c), or NULL
 *   guard   checks against what is stored (store_*.h), or NULL
 *   form    REC_FORM_OWN: a form of its own under the client (or the
 *           register); REC_FORM_CHILD: a row edited under its parent
 *           record's screen; REC_FORM_NONE: no form
 *   tab     REC_TAB(ID, N_("Label")): a tab of the client card,
 *           UI_TAB_ID; REC_NO_TAB: none
 * From this list come the structs below, the record types and their SQL
 * (records.c), rec_all_types, the forms the UI opens (screen_form.c) and
 * the card's tabs with their enum (ui_app.h, screen_card.c).  A new kind
 * is its columns, one line here and a migration.
 */
#define REC_NO_PARENT "0"
#define REC_RECORD_KINDS(X) \
	X(contact, N_("contact"), "client_id", "role, kana, id", NULL, NULL, \
	  REC_FORM_OWN, REC_TAB(CONTACTS, N_("Contacts"))) \
	X(certificate, N_("certificate"), "client_id", "valid_to DESC, id", check_certificate, NULL, \
	  REC_FORM_OWN, REC_TAB(CERTIFICATES, N_("Certificates"))) \
	X(consent, N_("consent"), "client_id", "valid_to DESC, id", check_consent, NULL, \
	  REC_FORM_OWN, REC_TAB(CONSENTS, N_("Consents"))) \
	X(intake, N_("intake"), "client_id", "intake_on DESC, id", NULL, NULL, \
	  REC_FORM_OWN, REC_TAB(INTAKE, N_("Intake"))) \
	X(assessment, N_("assessment"), "client_id", "assessed_on DESC, id", NULL, NULL, \
	  REC_FORM_OWN, REC_TAB(ASSESSMENTS, N_("Assessments"))) \
	X(assessment_item, N_("assessment item"), "assessment_id", \
	  "CASE component WHEN 'b' THEN 1 WHEN 's' THEN 2 WHEN 'd' THEN 3 WHEN 'e' THEN 4 ELSE 5 END, position, id", \
	  check_assessment_item, NULL, REC_FORM_CHILD, REC_NO_TAB) \
	X(plan, N_("plan"), "client_id", "period_from DESC, id DESC", check_plan, store_plan_guard, \
	  REC_FORM_OWN, REC_TAB(PLANS, N_("Plans"))) \
	X(plan_row, N_("plan row"), "plan_id", "priority, id", NULL, store_plan_row_guard, \
	  REC_FORM_CHILD, REC_NO_TAB) \
	X(weekly_slot, N_("weekly slot"), "plan_id", "weekday, start_min, id", check_weekly_slot, \
	  store_plan_child_guard, REC_FORM_CHILD, REC_NO_TAB) \
	X(non_weekly, N_("non-weekly service"), "plan_id", "position, id", NULL, store_plan_child_guard, \
	  REC_FORM_CHILD, REC_NO_TAB) \
	X(monitoring, N_("monitoring"), "client_id", "coalesce(done_on, scheduled_on) DESC, id", \
	  check_monitoring, NULL, REC_FORM_OWN, REC_TAB(MONITORINGS, N_("Monitorings"))) \
	X(monitoring_row, N_("monitoring row"), "monitoring_id", "id", NULL, NULL, \
	  REC_FORM_CHILD, REC_NO_TAB) \
	X(note, N_("progress note"), "client_id", "noted_on DESC, noted_at DESC, id DESC", check_note, NULL, \
	  REC_FORM_OWN, REC_TAB(NOTES, N_("Notes"))) \
	X(meeting, N_("meeting"), "client_id", "held_on DESC, held_at DESC, id", check_meeting, NULL, \
	  REC_FORM_OWN, REC_TAB(MEETINGS, N_("Meetings"))) \
	X(action_item, N_("action item"), "meeting_id", "due_on, id", NULL, NULL, \
	  REC_FORM_CHILD, REC_NO_TAB) \
	X(monitoring_skip, N_("monitoring not done"), "client_id", "month DESC, id DESC", \
	  check_monitoring_skip, NULL, REC_FORM_OWN, REC_TAB(NOT_DONE, N_("Not done"))) \
	X(crisis_plan, N_("crisis plan"), "client_id", "id", NULL, NULL, \
	  REC_FORM_OWN, REC_TAB(CRISIS, N_("Crisis plan"))) \
	X(service_provider, N_("provider"), REC_NO_PARENT, "name, id", NULL, store_provider_guard, \
	  REC_FORM_OWN, REC_NO_TAB)

#define REC_STRUCT(name, ...) \
	typedef struct name { int64_t id, version; name##_COLUMNS(REC_MEMBER) } name; \
	extern const record_type rt_##name;
REC_RECORD_KINDS(REC_STRUCT)
#undef REC_STRUCT

/*
 * A new record of client_id as a form starts it: record_init, the first
 * required date today, and what the client already says (a certificate
 * gets the client's recipient number, municipality, support level and
 * co-payment cap, so the worker checks them against the paper instead of
 * typing them again).
 */
void store_record_new(db *db, const record_type *rt, int64_t client_id, date_t today, void *rec);

/*
 * Mark a note's dated next step done on `on`: it leaves the alarm list.
 * A note without a dated step, or one already done, is an error that
 * says so and changes nothing.
 */
int store_note_next_done(db *db, int64_t note_id, date_t on, tsu_err *e);
/* Set the day a note was written (note.written_on; a new note gets
 * today): for the demo and imports that know it. */
int store_note_set_written(db *db, int64_t note_id, date_t on, tsu_err *e);

/* Every described record type in REC_RECORD_KINDS order, NULL-terminated. */
extern const record_type *const rec_all_types[];

#endif
