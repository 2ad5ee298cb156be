/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing CSV files: values, headers, every kind, refusals that leave the workspace
 * untouched, lineage, progress and cancel. */

#include "config.h"

#include "tenure-date.h"
#include "test-import-fixture.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("TENURE_SOURCE_DIR"), "tests", "data", name, NULL);
}

/* ---- values ---- */

static void
test_dates (void)
{
  struct { const char *text; TenureDateOrder order; const char *iso; } good[] = {
    { "2026-04-30", TENURE_DATE_ORDER_DAY_FIRST, "2026-04-30" },
    { "30/04/2026", TENURE_DATE_ORDER_DAY_FIRST, "2026-04-30" },
    { "3/4/2026", TENURE_DATE_ORDER_DAY_FIRST, "2026-04-03" },
    { "3/4/2026", TENURE_DATE_ORDER_MONTH_FIRST, "2026-03-04" },
    { "12/25/2026", TENURE_DATE_ORDER_MONTH_FIRST, "2026-12-25" },
    { "30.04.2026", TENURE_DATE_ORDER_DAY_FIRST, "2026-04-30" },
    { "30-04-2026", TENURE_DATE_ORDER_DAY_FIRST, "2026-04-30" },
    { "2026/04/30", TENURE_DATE_ORDER_DAY_FIRST, "2026-04-30" },
    { "29/02/2024", TENURE_DATE_ORDER_DAY_FIRST, "2024-02-29" },
    { "10/01/2026 00:00", TENURE_DATE_ORDER_DAY_FIRST, "2026-01-10" },
    { "2019-11-01 08:51:12.402", TENURE_DATE_ORDER_DAY_FIRST, "2019-11-01" },
    /* 23:30 at UTC−2 is 01:30 UTC the next day. */
    { "2026-04-30T23:30:00-02:00", TENURE_DATE_ORDER_DAY_FIRST, "2026-05-01" },
    { "2026-05-01T00:30:00+02:00", TENURE_DATE_ORDER_DAY_FIRST, "2026-04-30" },
  };
  struct { const char *text; TenureDateOrder order; const char *message; TenureImportHint hint; } bad[] = {
    { "01/02/26", TENURE_DATE_ORDER_DAY_FIRST, "two-digit year", TENURE_IMPORT_HINT_NONE },
    { "12/25/2026", TENURE_DATE_ORDER_DAY_FIRST, "mm/dd/yyyy", TENURE_IMPORT_HINT_DATE_FORMAT },
    { "25/12/2026", TENURE_DATE_ORDER_MONTH_FIRST, "dd/mm/yyyy", TENURE_IMPORT_HINT_DATE_FORMAT },
    { "31/02/2026", TENURE_DATE_ORDER_DAY_FIRST, "not a date that exists", TENURE_IMPORT_HINT_NONE },
    { "2026-02-30", TENURE_DATE_ORDER_DAY_FIRST, "not a date", TENURE_IMPORT_HINT_NONE },
    { "29/02/2025", TENURE_DATE_ORDER_DAY_FIRST, "not a date that exists", TENURE_IMPORT_HINT_NONE },
    { "April 3rd", TENURE_DATE_ORDER_DAY_FIRST, "not a date", TENURE_IMPORT_HINT_NONE },
    { "3/4", TENURE_DATE_ORDER_DAY_FIRST, "not a date", TENURE_IMPORT_HINT_NONE },
    { "10/01/2026 25:00", TENURE_DATE_ORDER_DAY_FIRST, "time", TENURE_IMPORT_HINT_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *message = NULL;
      TenureImportHint hint;
      char buf[TENURE_DATE_BUF];
      gint32 days;

      g_assert_true (tenure_import_parse_date (good[i].text, good[i].order, &days, &hint, &message));
      tenure_date_format (days, buf);
      g_assert_cmpstr (buf, ==, good[i].iso);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *message = NULL;
      TenureImportHint hint;
      gint32 days;

      g_assert_false (tenure_import_parse_date (bad[i].text, bad[i].order, &days, &hint, &message));
      if (strstr (message, bad[i].message) == NULL)
        g_error ("%s: %s", bad[i].text, message);
      g_assert_nonnull (strstr (message, bad[i].text));
      g_assert_nonnull (strstr (message, bad[i].message));
      g_assert_cmpint (hint, ==, bad[i].hint);
    }
}

static void
test_timestamps (void)
{
  struct { const char *text; const char *utc; } cases[] = {
    { "2026-04-30", "2026-04-30T00:00:00Z" },
    { "2026-04-30T08:15:00Z", "2026-04-30T08:15:00Z" },
    { "2026-04-30 08:15", "2026-04-30T08:15:00Z" },
    { "2026-04-30T08:15:00+0200", "2026-04-30T06:15:00Z" },
    { "30/04/2026 08:15:30", "2026-04-30T08:15:30Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      char buf[TENURE_TIMESTAMP_BUF];
      TenureImportHint hint;
      gint64 seconds;

      g_assert_true (tenure_import_parse_timestamp (cases[i].text, TENURE_DATE_ORDER_DAY_FIRST,
                                                    &seconds, &hint, &message));
      tenure_timestamp_format (seconds, buf);
      g_assert_cmpstr (buf, ==, cases[i].utc);
    }
}

static void
test_amounts (void)
{
  struct { const char *text; TenureDecimal decimal; gint64 cents; TenureDecimal evidence; } good[] = {
    { "1234.5", TENURE_DECIMAL_AUTO, 123450, TENURE_DECIMAL_POINT },
    { "1 234,50", TENURE_DECIMAL_AUTO, 123450, TENURE_DECIMAL_COMMA },
    { "1\xc2\xa0" "234,50", TENURE_DECIMAL_AUTO, 123450, TENURE_DECIMAL_COMMA },
    { "1\xe2\x80\xaf" "234,50\xc2\xa0€", TENURE_DECIMAL_AUTO, 123450, TENURE_DECIMAL_COMMA },
    { "1234,50 €", TENURE_DECIMAL_AUTO, 123450, TENURE_DECIMAL_COMMA },
    { "€1,234.50", TENURE_DECIMAL_AUTO, 123450, TENURE_DECIMAL_POINT },
    { "1.234,50", TENURE_DECIMAL_AUTO, 123450, TENURE_DECIMAL_COMMA },
    { "1,234,567", TENURE_DECIMAL_AUTO, 123456700, TENURE_DECIMAL_POINT },
    { "12,5", TENURE_DECIMAL_AUTO, 1250, TENURE_DECIMAL_COMMA },
    { "100,00 €", TENURE_DECIMAL_AUTO, 10000, TENURE_DECIMAL_COMMA },
    { "0", TENURE_DECIMAL_AUTO, 0, TENURE_DECIMAL_AUTO },
    { "0,00", TENURE_DECIMAL_AUTO, 0, TENURE_DECIMAL_COMMA },
    { "0,500", TENURE_DECIMAL_AUTO, 50, TENURE_DECIMAL_COMMA },
    { "1.5000", TENURE_DECIMAL_AUTO, 150, TENURE_DECIMAL_POINT },
    { "EUR 12", TENURE_DECIMAL_AUTO, 1200, TENURE_DECIMAL_AUTO },
    { "$ 99.99", TENURE_DECIMAL_AUTO, 9999, TENURE_DECIMAL_POINT },
    { "+7", TENURE_DECIMAL_AUTO, 700, TENURE_DECIMAL_AUTO },
    { "1,234", TENURE_DECIMAL_POINT, 123400, TENURE_DECIMAL_POINT },
    { "1.234", TENURE_DECIMAL_COMMA, 123400, TENURE_DECIMAL_COMMA },
    { "1 234", TENURE_DECIMAL_AUTO, 123400, TENURE_DECIMAL_AUTO },
  };
  struct { const char *text; TenureDecimal decimal; const char *message; } bad[] = {
    { "-50", TENURE_DECIMAL_AUTO, "negative" },
    { "−50,00 €", TENURE_DECIMAL_AUTO, "negative" },
    { "12.345,678", TENURE_DECIMAL_AUTO, "more than two decimals" },
    { "1,234", TENURE_DECIMAL_COMMA, "more than two decimals" },
    { "abc", TENURE_DECIMAL_AUTO, "not an amount" },
    { "12 apples", TENURE_DECIMAL_AUTO, "not an amount" },
    { "1.2.3,4,5", TENURE_DECIMAL_AUTO, "not an amount" },
    { "€", TENURE_DECIMAL_AUTO, "not an amount" },
    { ",", TENURE_DECIMAL_AUTO, "not an amount" },
    { "€12€", TENURE_DECIMAL_AUTO, "not an amount" },
    { "99999999999999999", TENURE_DECIMAL_AUTO, "too large" },
  };
  gint64 cents;
  TenureDecimal evidence;
  char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_cmpint (tenure_import_parse_amount (good[i].text, good[i].decimal, &cents,
                                                   &evidence, &message), ==, TENURE_AMOUNT_OK);
      g_assert_cmpint (cents, ==, good[i].cents);
      g_assert_cmpint (evidence, ==, good[i].evidence);
    }

  g_assert_cmpint (tenure_import_parse_amount ("1,234", TENURE_DECIMAL_AUTO, &cents, &evidence,
                                               &message), ==, TENURE_AMOUNT_AMBIGUOUS);
  g_assert_cmpint (tenure_import_parse_amount ("12.345", TENURE_DECIMAL_AUTO, &cents, &evidence,
                                               &message), ==, TENURE_AMOUNT_AMBIGUOUS);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_cmpint (tenure_import_parse_amount (bad[i].text, bad[i].decimal, &cents,
                                                   &evidence, &message), ==, TENURE_AMOUNT_INVALID);
      g_assert_nonnull (strstr (message, bad[i].message));
      g_assert_nonnull (strstr (message, bad[i].text));
      g_clear_pointer (&message, g_free);
    }
}

static void
test_months_and_counts (void)
{
  struct { const char *text; const char *month; } good[] = {
    { "2026-04", "2026-04" }, { "04/2026", "2026-04" }, { "4/2026", "2026-04" },
    { "2026/04", "2026-04" }, { "2026-04-15", "2026-04" }, { "15/04/2026", "2026-04" },
  };
  char buf[TENURE_MONTH_BUF];
  char *message = NULL;
  gint64 value;
  int month;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (tenure_import_parse_month (good[i].text, TENURE_DATE_ORDER_DAY_FIRST, &month,
                                                &message));
      tenure_month_format (month, buf);
      g_assert_cmpstr (buf, ==, good[i].month);
    }
  g_assert_false (tenure_import_parse_month ("13/2026", TENURE_DATE_ORDER_DAY_FIRST, &month,
                                             &message));
  g_assert_nonnull (strstr (message, "YYYY-MM"));
  g_free (message);

  g_assert_true (tenure_import_parse_count ("10", 10, &value));
  g_assert_cmpint (value, ==, 10);
  g_assert_false (tenure_import_parse_count ("11", 10, &value));
  g_assert_false (tenure_import_parse_count ("-1", 10, &value));
  g_assert_false (tenure_import_parse_count ("9.5", 10, &value));
  g_assert_false (tenure_import_parse_count ("", 10, &value));
}

static void
test_headers (void)
{
  struct { TenureImportKind kind; const char *header; const char *field; } cases[] = {
    { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "Date de début", "start_date" },
    { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "DATE_DE_DEBUT", "start_date" },
    { TENURE_IMPORT_KIND_SUBSCRIPTIONS, " date  fin ", "end_date" },
    { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "Montant mensuel", "mrr" },
    { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "monthly_amount", "mrr" },
    { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "ID Client", "account_id" },
    { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "Customer_ID", "account_id" },
    { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "compte", "account_id" },
    { TENURE_IMPORT_KIND_EVENTS, "Horodatage", "at" },
    { TENURE_IMPORT_KIND_EVENTS, "timestamp", "at" },
    { TENURE_IMPORT_KIND_EVENTS, "Type d’événement", NULL },
    { TENURE_IMPORT_KIND_EVENTS, "Type d'événement", "kind" },
    { TENURE_IMPORT_KIND_RESPONSES, "Note", "score" },
    { TENURE_IMPORT_KIND_SPEND, "Dépenses", "amount" },
    { TENURE_IMPORT_KIND_SPEND, "Mois", "month" },
    { TENURE_IMPORT_KIND_TICKETS, "Catégorie", "category" },
    { TENURE_IMPORT_KIND_ANSWERS, "Réponse", "answer" },
    { TENURE_IMPORT_KIND_ACCOUNTS, "Raison sociale", "name" },
    { TENURE_IMPORT_KIND_ACCOUNTS, "Favourite colour", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = tenure_import_normalize_header (cases[i].header);
      int field = tenure_import_match_header (cases[i].kind, key);

      if (cases[i].field == NULL)
        {
          /* A typographic apostrophe is dropped like any punctuation: still a match. */
          if (strstr (cases[i].header, "’") != NULL)
            g_assert_cmpint (field, >=, 0);
          else
            g_assert_cmpint (field, ==, -1);
          continue;
        }
      g_assert_cmpint (field, >=, 0);
      g_assert_cmpstr (tenure_import_kind_fields (cases[i].kind)[field], ==, cases[i].field);
    }

  g_assert_cmpint (tenure_import_kind_from_string ("Events"), ==, TENURE_IMPORT_KIND_EVENTS);
  g_assert_cmpint (tenure_import_kind_from_string ("invoices"), ==, TENURE_IMPORT_KIND_NONE);
  g_assert_cmpstr (tenure_import_kind_to_string (TENURE_IMPORT_KIND_SPEND), ==, "spend");
  g_assert_true (tenure_import_kind_is_required (TENURE_IMPORT_KIND_SPEND, "amount"));
  g_assert_false (tenure_import_kind_is_required (TENURE_IMPORT_KIND_SPEND, "leads"));
}

/* ---- loads ---- */

static void
test_samples_match (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *accounts = test_samples_path ("worked-example", "accounts.csv", NULL);
  g_autofree char *subscriptions = test_samples_path ("worked-example", "subscriptions.csv", NULL);
  g_autofree char *french = test_samples_path ("french-excel", "abonnements.csv", NULL);
  g_autofree char *french_path = g_build_filename (fixture->dir, "french.tenure", NULL);
  g_autoptr(TenureImportResult) result = NULL;
  g_autoptr(TenureDb) french_db = NULL;
  g_autofree char *english_rows = NULL;
  g_autofree char *french_rows = NULL;
  const char *sql = "SELECT a.external_id, s.start_date, s.end_date, s.mrr_cents "
                    "FROM subscription s JOIN account a ON a.id = s.account_id "
                    "ORDER BY 1, 2";

  result = import_ok (fixture->db, accounts, TENURE_IMPORT_KIND_ACCOUNTS, NULL);
  g_assert_cmpuint (result->rows, ==, 4);
  g_assert_cmpuint (result->accounts_created, ==, 4);
  g_clear_pointer (&result, tenure_import_result_free);

  result = import_ok (fixture->db, subscriptions, TENURE_IMPORT_KIND_SUBSCRIPTIONS, NULL);
  g_assert_cmpuint (result->rows, ==, 7);
  g_assert_cmpuint (result->accounts_created, ==, 0);
  g_assert_cmpuint (result->ignored_columns->len, ==, 0);
  g_clear_pointer (&result, tenure_import_result_free);

  french_db = tenure_db_open (french_path, TENURE_DB_OPEN_CREATE, NULL);
  result = import_ok (french_db, french, TENURE_IMPORT_KIND_SUBSCRIPTIONS, NULL);
  g_assert_cmpuint (result->rows, ==, 7);
  g_assert_cmpuint (result->accounts_created, ==, 4);
  g_assert_cmpint (result->separator, ==, ';');

  english_rows = query_rows (fixture->db, sql);
  french_rows = query_rows (french_db, sql);
  g_assert_cmpstr (english_rows, ==,
                   "A|2026-01-10|∅|10000\n"
                   "A|2026-03-01|∅|3000\n"
                   "B|2026-01-20|2026-03-05|5000\n"
                   "C|2026-02-01|2026-03-01|20000\n"
                   "C|2026-04-15|∅|20000\n"
                   "D|2026-03-10|2026-04-01|8000\n"
                   "D|2026-04-01|∅|6000\n");
  g_assert_cmpstr (french_rows, ==, english_rows);
}

static void
test_lineage (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *spend = test_samples_path ("worked-example", "spend.csv", NULL);
  g_autoptr(TenureImportResult) result = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *rows = NULL;
  TenureImportRecord *record;
  gsize length;

  g_assert_true (g_file_get_contents (spend, &contents, &length, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);

  g_assert_null (tenure_import_find_file (fixture->db, spend, &error));
  g_assert_no_error (error);

  result = import_ok (fixture->db, spend, TENURE_IMPORT_KIND_SPEND, NULL);
  g_assert_cmpstr (result->sha256, ==, sha256);
  g_assert_cmpstr (result->file_name, ==, "spend.csv");
  g_assert_cmpint (result->import_id, >, 0);

  rows = query_rows (fixture->db, "SELECT month, channel, amount_cents, leads, import_id FROM spend");
  g_assert_cmpstr (rows, ==, "2026-01|ads|30000|∅|1\n2026-02|ads|30000|∅|1\n"
                             "2026-03|ads|30000|∅|1\n2026-04|ads|30000|∅|1\n");

  imports = tenure_import_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 1);
  record = g_ptr_array_index (imports, 0);
  g_assert_cmpint (record->kind, ==, TENURE_IMPORT_KIND_SPEND);
  g_assert_cmpstr (record->file_name, ==, "spend.csv");
  g_assert_cmpstr (record->sha256, ==, sha256);
  g_assert_cmpint (record->rows, ==, 4);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       record->imported_at, 0, 0));
  g_clear_pointer (&rows, g_free);
  rows = query_rows (fixture->db, "SELECT kind, file_name, rows FROM import");
  g_assert_cmpstr (rows, ==, "spend|spend.csv|4\n");

  record = tenure_import_find_file (fixture->db, spend, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpint (record->id, ==, result->import_id);
  tenure_import_record_free (record);
}

typedef struct
{
  TenureImportKind  kind;
  const char       *csv;
  guint             line;
  guint             column;
  const char       *message;
  TenureImportHint  hint;
} BadFile;

static const BadFile bad_files[] = {
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,end_date,mrr\nA,2026-01-01,,10\nB,2026-03-01,2026-01-31,10\n",
    3, 14, "The end date 2026-01-31 is before the start date 2026-03-01", 0 },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,mrr\nA,2026-01-01,-10\n", 2, 14, "“-10” is negative", 0 },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id;start_date;mrr\nA;01/02/26;10\n", 2, 3, "two-digit year, which is ambiguous", 0 },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id;start_date;mrr\nA;12/25/2026;10\n", 2, 3, "mm/dd/yyyy",
    TENURE_IMPORT_HINT_DATE_FORMAT },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,mrr\nA,2026-01-01,\"1,234\"\n", 2, 14, "can be read two ways",
    TENURE_IMPORT_HINT_DECIMAL },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "Client;Date;Montant mensuel\nA;2026-01-01;10\n", 1, 1,
    "Required columns are missing: start_date (accepted names: start_date, start, started",
    TENURE_IMPORT_HINT_MAPPING },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,mrr\nA,2026-01-01,10,50\n", 2, 17, "This row has 4 values but the header has 3", 0 },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,mrr\n,2026-01-01,10\n", 2, 1, "The “account_id” cell is empty", 0 },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,mrr\nA,2026-01-01\n", 2, 3, "The “mrr” cell is empty", 0 },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "", 1, 1, "The file is empty", 0 },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS, "account_id,start_date,mrr\r\n", 2, 1, "no data below it", 0 },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,mrr\nSoci\xe9t\xe9,2026-01-01,10\n", 2, 5, "not valid UTF-8",
    TENURE_IMPORT_HINT_ENCODING },
  { TENURE_IMPORT_KIND_SUBSCRIPTIONS,
    "account_id,start_date,mrr\nA,2026-01-01,\"10\nB,2026-01-01,10\n", 2, 14, "closing quote", 0 },
  { TENURE_IMPORT_KIND_EVENTS,
    "account_id,at,kind\nA,2026-01-01T10:00:00Z,login\n", 2, 24,
    "Unknown event kind “login” — expected session, action, feature_used, job_completed", 0 },
  { TENURE_IMPORT_KIND_EVENTS,
    "account_id,at,kind,job\nA,2026-01-01,session,Audit report\n", 2, 22,
    "only job_completed events name a job", 0 },
  { TENURE_IMPORT_KIND_RESPONSES,
    "answered_on,score,kind\n2026-04-01,11,nps\n", 2, 12, "NPS score must be 0–10", 0 },
  { TENURE_IMPORT_KIND_RESPONSES,
    "answered_on,score,kind\n2026-04-01,0,cli\n", 2, 12, "CLI score must be 1–10", 0 },
  { TENURE_IMPORT_KIND_RESPONSES,
    "answered_on,score,kind\n2026-04-01,5,csat\n", 2, 14, "Unknown survey kind “csat”", 0 },
  { TENURE_IMPORT_KIND_SPEND,
    "month,channel,amount,leads\n2026-13,ads,10,\n", 2, 1, "is not a month", 0 },
  { TENURE_IMPORT_KIND_SPEND,
    "month,channel,amount,leads\n2026-01,ads,10,many\n", 2, 16, "not a number of leads", 0 },
  { TENURE_IMPORT_KIND_TICKETS,
    "account_id,opened_at,category\nA,2026-01-01,urgent\n", 2, 14, "Unknown ticket category", 0 },
  { TENURE_IMPORT_KIND_ACCOUNTS,
    "account_id,name\nA,Atelier\nB,Banque\nA,Again\n", 4, 1, "already on line 2", 0 },
  { TENURE_IMPORT_KIND_ANSWERS,
    "account_id,question,answer\nA,,Excel\n", 2, 3, "The “question” cell is empty", 0 },
};

/* Every refused file leaves the workspace file byte for byte as it was. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *accounts = test_samples_path ("worked-example", "accounts.csv", NULL);
  g_autoptr(TenureImportResult) first = import_ok (fixture->db, accounts,
                                                   TENURE_IMPORT_KIND_ACCOUNTS, NULL);
  g_autofree char *before = NULL;

  g_clear_pointer (&fixture->db, tenure_db_close);
  before = test_checksum_file (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.csv", i);
      g_autofree char *path = write_csv (fixture, name, bad_files[i].csv);
      g_autoptr(TenureImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      TenureImportIssue *issue;

      fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_false (tenure_import_file (fixture->db, path, bad_files[i].kind, NULL, &result,
                                          NULL, NULL, NULL, &error));
      g_assert_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_INVALID);
      g_assert_cmpuint (result->n_issues, ==, 1);
      g_assert_cmpint (result->import_id, ==, 0);
      issue = g_ptr_array_index (result->issues, 0);
      if (strstr (issue->message, bad_files[i].message) == NULL ||
          issue->line != bad_files[i].line || issue->column != bad_files[i].column)
        g_error ("case %u: got %u:%u: %s", i, issue->line, issue->column, issue->message);
      g_assert_cmpint (issue->hint, ==, bad_files[i].hint);
      g_clear_pointer (&fixture->db, tenure_db_close);

      after = test_checksum_file (fixture->path);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_many_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("answered_on,score\n");
  g_autoptr(TenureImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (csv, "2026-04-%02u,%u\n", i % 28 + 1, 20 + i);
  g_string_append (csv, "2026-04-01,7\n");
  path = write_csv (fixture, "responses.csv", csv->str);
  g_assert_true (tenure_db_exec (fixture->db, "PRAGMA cache_size = -4321", NULL));

  g_assert_false (tenure_import_file (fixture->db, path, TENURE_IMPORT_KIND_RESPONSES, NULL,
                                      &result, NULL, NULL, NULL, &error));
  g_assert_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "150 problems"));
  g_assert_cmpuint (result->n_issues, ==, 150);
  g_assert_cmpuint (result->issues->len, ==, TENURE_IMPORT_MAX_ISSUES);
  g_assert_cmpuint (((TenureImportIssue *) g_ptr_array_index (result->issues, 99))->line, ==, 101);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM response", -1), ==, 0);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM import", -1), ==, 0);

  /* The connection is as it was: the load's settings do not outlive it. */
  g_assert_cmpint (tenure_db_query_int (fixture->db, "PRAGMA foreign_keys", -1), ==, 1);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "PRAGMA ignore_check_constraints", -1), ==, 0);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "PRAGMA cache_size", 0), ==, -4321);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *spend = test_samples_path ("worked-example", "spend.csv", NULL);
  g_autoptr(TenureImportResult) first = import_ok (fixture->db, spend, TENURE_IMPORT_KIND_SPEND, NULL);
  g_autoptr(TenureImportResult) result = NULL;
  g_auto(TenureImportOptions) options;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_pointer (&fixture->db, tenure_db_close);
  before = test_checksum_file (fixture->path);
  fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, NULL);

  g_assert_false (tenure_import_file (fixture->db, spend, TENURE_IMPORT_KIND_SPEND, NULL,
                                      &result, NULL, NULL, NULL, &error));
  g_assert_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_DUPLICATE);
  g_assert_cmpint (result->duplicate_of, ==, first->import_id);
  g_clear_pointer (&fixture->db, tenure_db_close);
  after = test_checksum_file (fixture->path);
  g_assert_cmpstr (after, ==, before);

  fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, NULL);
  tenure_import_options_init (&options);
  options.force = TRUE;
  g_clear_pointer (&result, tenure_import_result_free);
  result = import_ok (fixture->db, spend, TENURE_IMPORT_KIND_SPEND, &options);
  g_assert_cmpint (result->duplicate_of, ==, first->import_id);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM spend", -1), ==, 8);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *subscriptions = test_samples_path ("worked-example", "subscriptions.csv", NULL);
  g_autoptr(TenureImportResult) result = NULL;
  g_auto(TenureImportOptions) options;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  tenure_import_options_init (&options);
  options.dry_run = TRUE;

  /* Without a workspace: against an empty one. */
  result = import_ok (NULL, subscriptions, TENURE_IMPORT_KIND_SUBSCRIPTIONS, &options);
  g_assert_cmpuint (result->rows, ==, 7);
  g_assert_cmpuint (result->accounts_created, ==, 4);
  g_assert_cmpint (result->import_id, ==, 0);
  g_clear_pointer (&result, tenure_import_result_free);

  g_clear_pointer (&fixture->db, tenure_db_close);
  before = test_checksum_file (fixture->path);
  fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_READ_ONLY, NULL);
  result = import_ok (fixture->db, subscriptions, TENURE_IMPORT_KIND_SUBSCRIPTIONS, &options);
  g_assert_cmpuint (result->rows, ==, 7);
  g_clear_pointer (&fixture->db, tenure_db_close);
  after = test_checksum_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_kinds (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *events = write_csv (fixture, "events.csv",
    "Compte;Horodatage;Type;Tâche;Utilisateur\n"
    "A;2026-01-05T09:00:00+01:00;session;;u1\n"
    "A;05/01/2026 10:30;Job completed;Prepare a meeting with the CIO;u1\n"
    "B;2026-01-06;feature_used;;\n"
    "A;2026-01-07;job_completed;Prepare a meeting with the CIO;u2\n"
    "B;2026-01-07;job_completed;;\n");
  g_autofree char *tickets = write_csv (fixture, "tickets.csv",
    "account_id,opened_at,category\nA,2026-02-01 08:00,Stratégique\nC,2026-02-02,basic\n");
  g_autofree char *responses = test_samples_path ("worked-example", "responses.csv", NULL);
  g_autofree char *accounts = write_csv (fixture, "accounts.csv",
    "account_id,name,segment,plan,channel,owner,signup_date,notes\n"
    "A,Atelier Durand,SMB,Pro,ads,Claire,05/01/2026,call back\n"
    "Z,Zèbre SA,,,,,,\n");
  g_autoptr(TenureImportResult) result = NULL;
  g_autofree char *rows = NULL;

  result = import_ok (fixture->db, events, TENURE_IMPORT_KIND_EVENTS, NULL);
  g_assert_cmpuint (result->rows, ==, 5);
  g_assert_cmpuint (result->accounts_created, ==, 2);
  g_assert_cmpuint (result->jobs_created, ==, 1);
  rows = query_rows (fixture->db,
                     "SELECT a.external_id, e.at, e.kind, j.name, e.user_ref, "
                     "a.import_id = e.import_id FROM event e JOIN account a ON a.id = e.account_id "
                     "LEFT JOIN job j ON j.id = e.job_id ORDER BY e.id");
  g_assert_cmpstr (rows, ==,
                   "A|2026-01-05T08:00:00Z|session|∅|u1|1\n"
                   "A|2026-01-05T10:30:00Z|job_completed|Prepare a meeting with the CIO|u1|1\n"
                   "B|2026-01-06T00:00:00Z|feature_used|∅|∅|1\n"
                   "A|2026-01-07T00:00:00Z|job_completed|Prepare a meeting with the CIO|u2|1\n"
                   "B|2026-01-07T00:00:00Z|job_completed|∅|∅|1\n");
  g_clear_pointer (&result, tenure_import_result_free);
  g_clear_pointer (&rows, g_free);

  result = import_ok (fixture->db, tickets, TENURE_IMPORT_KIND_TICKETS, NULL);
  g_assert_cmpuint (result->accounts_created, ==, 1);
  rows = query_rows (fixture->db, "SELECT a.external_id, opened_at, category FROM ticket t "
                                  "JOIN account a ON a.id = t.account_id ORDER BY t.id");
  g_assert_cmpstr (rows, ==, "A|2026-02-01T08:00:00Z|strategic\nC|2026-02-02T00:00:00Z|basic\n");
  g_clear_pointer (&result, tenure_import_result_free);
  g_clear_pointer (&rows, g_free);

  result = import_ok (fixture->db, responses, TENURE_IMPORT_KIND_RESPONSES, NULL);
  g_assert_cmpuint (result->rows, ==, 14);
  g_assert_cmpuint (result->accounts_created, ==, 1);  /* D */
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM response WHERE "
                                        "account_id IS NULL", -1), ==, 8);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT sum(score) FROM response WHERE "
                                        "kind = 'cli'", -1), ==, 34);
  g_clear_pointer (&result, tenure_import_result_free);

  /* Accounts known from other files get their details; unknown ones are created. */
  result = import_ok (fixture->db, accounts, TENURE_IMPORT_KIND_ACCOUNTS, NULL);
  g_assert_cmpuint (result->accounts_created, ==, 1);
  g_assert_cmpuint (result->accounts_updated, ==, 1);
  g_assert_cmpuint (result->ignored_columns->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->ignored_columns, 0), ==, "notes");
  rows = query_rows (fixture->db, "SELECT external_id, name, segment, signup_date FROM account "
                                  "WHERE external_id IN ('A', 'Z') ORDER BY 1");
  g_assert_cmpstr (rows, ==, "A|Atelier Durand|SMB|2026-01-05\nZ|Zèbre SA|∅|∅\n");
}

static void
test_zero_and_decimals (Fixture       *fixture,
                        gconstpointer  data)
{
  /* "1,234" comes before anything says the column uses a decimal point: the import reads
   * the file again once the column has shown it. */
  g_autofree char *csv = write_csv (fixture, "subs.csv",
                                    "account_id,start_date,mrr\n"
                                    "A,2026-01-01,\"1,234\"\n"
                                    "B,2026-01-01,0\n"
                                    "C,2026-01-01,\"2,000.50\"\n");
  /* With Excel's "sep=" line. */
  g_autofree char *comma = write_csv (fixture, "comma.csv",
                                      "sep=;\naccount_id;start_date;mrr\n"
                                      "D;2026-01-01;1.234\n"
                                      "E;2026-01-01;12,5\n");
  g_autoptr(TenureImportResult) result = NULL;
  g_autofree char *rows = NULL;

  result = import_ok (fixture->db, csv, TENURE_IMPORT_KIND_SUBSCRIPTIONS, NULL);
  g_assert_cmpuint (result->rows, ==, 3);
  g_assert_cmpuint (result->accounts_created, ==, 3);
  g_clear_pointer (&result, tenure_import_result_free);
  result = import_ok (fixture->db, comma, TENURE_IMPORT_KIND_SUBSCRIPTIONS, NULL);
  rows = query_rows (fixture->db, "SELECT a.external_id, mrr_cents FROM subscription s "
                                  "JOIN account a ON a.id = s.account_id ORDER BY 1");
  g_assert_cmpstr (rows, ==, "A|123400\nB|0\nC|200050\nD|123400\nE|1250\n");
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM import", -1), ==, 2);
}

static void
test_windows_1252 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = data_path ("accounts-windows-1252.csv");
  g_autoptr(TenureImportResult) result = NULL;
  g_auto(TenureImportOptions) options;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  TenureImportIssue *issue;

  g_assert_false (tenure_import_file (fixture->db, path, TENURE_IMPORT_KIND_ACCOUNTS, NULL,
                                      &result, NULL, NULL, NULL, &error));
  issue = g_ptr_array_index (result->issues, 0);
  g_assert_cmpint (issue->hint, ==, TENURE_IMPORT_HINT_ENCODING);
  g_assert_cmpuint (issue->line, ==, 2);
  g_assert_cmpuint (issue->column, ==, 7);
  g_clear_pointer (&result, tenure_import_result_free);
  g_clear_error (&error);

  tenure_import_options_init (&options);
  options.encoding = TENURE_CSV_ENCODING_WINDOWS_1252;
  result = import_ok (fixture->db, path, TENURE_IMPORT_KIND_ACCOUNTS, &options);
  g_assert_cmpuint (result->rows, ==, 3);
  rows = query_rows (fixture->db, "SELECT external_id, name, segment, owner FROM account ORDER BY 1");
  g_assert_cmpstr (rows, ==,
                   "A|Société Générale d’Édition|PME|Hélène\n"
                   "B|Café “Le Zèbre”|ETI|Benoît\n"
                   "C|Œuvres & Cie – 2€|PME|Zoé\n");
}

static void
test_answers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *first = write_csv (fixture, "answers.csv",
    "account_id,question,answer\n"
    "A,What do you use today?,Excel\n"
    "B,What do you use today?,Nothing\n"
    "C,What do you use today?,excel\n"
    "A,How urgent is it?,This quarter\n"
    "C,What do you use today?,Sheets\n");
  g_autofree char *second = write_csv (fixture, "answers2.csv",
    "Compte;Question;Réponse\n"
    "D;what do you use  today?;EXCEL\n");
  g_autoptr(TenureImportResult) result = NULL;
  g_autofree char *rows = NULL;

  result = import_ok (fixture->db, first, TENURE_IMPORT_KIND_ANSWERS, NULL);
  g_assert_cmpuint (result->rows, ==, 5);
  g_assert_cmpuint (result->questions_created, ==, 2);
  g_assert_cmpuint (result->options_created, ==, 4);
  g_clear_pointer (&rows, g_free);
  rows = query_rows (fixture->db, "SELECT position, text, kind FROM question ORDER BY position");
  g_assert_cmpstr (rows, ==, "1|What do you use today?|multiple\n2|How urgent is it?|single\n");
  g_clear_pointer (&result, tenure_import_result_free);

  g_clear_pointer (&rows, g_free);
  result = import_ok (fixture->db, second, TENURE_IMPORT_KIND_ANSWERS, NULL);
  g_assert_cmpuint (result->questions_created, ==, 0);
  g_assert_cmpuint (result->options_created, ==, 0);

  rows = query_rows (fixture->db, "SELECT q.position, q.text, o.position, o.text, o.points, "
                                  "count(*) FROM answer a JOIN question q ON q.id = a.question_id "
                                  "JOIN option o ON o.id = a.option_id GROUP BY o.id ORDER BY 1, 3");
  g_assert_cmpstr (rows, ==,
                   "1|What do you use today?|1|Excel|0|3\n"
                   "1|What do you use today?|2|Nothing|0|1\n"
                   "1|What do you use today?|3|Sheets|0|1\n"
                   "2|How urgent is it?|1|This quarter|0|1\n");
}

/* Removes import @id, expecting the rows and accounts it takes away and the accounts left
 * ("external id|import id" lines). */
static void
remove_import (TenureDb   *db,
               gint64      id,
               guint64     expected_rows,
               guint       expected_accounts,
               const char *accounts_left)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  guint64 removed_rows = 0;
  guint removed_accounts = 0;

  g_assert_true (tenure_import_remove (db, id, &removed_rows, &removed_accounts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed_rows, ==, expected_rows);
  g_assert_cmpuint (removed_accounts, ==, expected_accounts);
  rows = query_rows (db, "SELECT external_id, import_id FROM account ORDER BY 1");
  g_assert_cmpstr (rows, ==, accounts_left);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *accounts = write_csv (fixture, "accounts.csv", "account_id,name\nA,Alpha\nB,Beta\n");
  g_autofree char *subscriptions = write_csv (fixture, "subs.csv",
                                              "account_id,start_date,mrr\nA,2026-01-01,10\n"
                                              "C,2026-01-01,20\nD,2026-01-01,30\n");
  g_autofree char *events = write_csv (fixture, "events.csv",
                                       "account_id,at,kind\nB,2026-01-01,session\nD,2026-01-02,action\n");
  g_autoptr(TenureImportResult) accounts_result = import_ok (fixture->db, accounts, TENURE_IMPORT_KIND_ACCOUNTS, NULL);
  g_autoptr(TenureImportResult) subscriptions_result = import_ok (fixture->db, subscriptions, TENURE_IMPORT_KIND_SUBSCRIPTIONS, NULL);
  g_autoptr(TenureImportResult) events_result = import_ok (fixture->db, events, TENURE_IMPORT_KIND_EVENTS, NULL);
  g_autoptr(GError) error = NULL;

  /* C was created by the subscriptions and nothing else refers to it: it goes. D has an
   * event: it stays, without lineage. */
  remove_import (fixture->db, subscriptions_result->import_id, 3, 1, "A|1\nB|1\nD|∅\n");

  /* A is referred to by nothing any more: it goes; B has an event. */
  remove_import (fixture->db, accounts_result->import_id, 0, 1, "B|∅\nD|∅\n");

  remove_import (fixture->db, events_result->import_id, 2, 0, "B|∅\nD|∅\n");
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM import", -1), ==, 0);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM event", -1), ==, 0);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "PRAGMA foreign_key_check", -2), ==, -2);

  g_assert_false (tenure_import_remove (fixture->db, 42, NULL, NULL, &error));
  g_assert_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_NOT_FOUND);

  /* The same file can be imported again once its import is removed. */
  g_clear_pointer (&events_result, tenure_import_result_free);
  events_result = import_ok (fixture->db, events, TENURE_IMPORT_KIND_EVENTS, NULL);
  g_assert_cmpuint (events_result->rows, ==, 2);
}

static void
test_mapping (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "subs.csv",
                                    "Customer,Begins,Revenue,Amount,Comment\n"
                                    "A,2026-01-01,10,999,x\n");
  g_autoptr(TenureImportResult) result = NULL;
  g_auto(TenureImportOptions) options;
  g_autoptr(GError) error = NULL;

  tenure_import_options_init (&options);
  tenure_import_options_map (&options, "begins", "start_date");
  tenure_import_options_map (&options, "REVENUE", "mrr");
  tenure_import_options_map (&options, "Amount", "");
  result = import_ok (fixture->db, csv, TENURE_IMPORT_KIND_SUBSCRIPTIONS, &options);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT mrr_cents FROM subscription", -1), ==, 1000);
  g_assert_cmpuint (result->ignored_columns->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (result->ignored_columns, 0), ==, "Amount");
  g_assert_cmpstr (g_ptr_array_index (result->ignored_columns, 1), ==, "Comment");
  g_clear_pointer (&result, tenure_import_result_free);

  /* Two columns for one field: the first feeds it, the other is ignored. */
  {
    g_autofree char *twice = write_csv (fixture, "twice.csv",
                                        "Client,Compte,Début,MRR\nA,B,2026-01-01,5\n");

    result = import_ok (fixture->db, twice, TENURE_IMPORT_KIND_SUBSCRIPTIONS, NULL);
    g_assert_cmpuint (result->ignored_columns->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (result->ignored_columns, 0), ==, "Compte");
    g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM account WHERE "
                                          "external_id = 'A'", -1), ==, 1);
    g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM account WHERE "
                                          "external_id = 'B'", -1), ==, 0);
    g_clear_pointer (&result, tenure_import_result_free);
  }

  tenure_import_options_map (&options, "Nope", "mrr");
  g_assert_false (tenure_import_file (fixture->db, csv, TENURE_IMPORT_KIND_SUBSCRIPTIONS,
                                      &options, &result, NULL, NULL, NULL, &error));
  g_assert_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "“Customer”, “Begins”"));
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *french = test_samples_path ("french-excel", "abonnements.csv", NULL);
  g_autofree char *cp1252 = data_path ("accounts-windows-1252.csv");
  g_autoptr(TenureImportPreview) preview = NULL;
  g_auto(TenureImportOptions) options;
  g_autoptr(GError) error = NULL;
  const char *expected_fields[] = { "account_id", "start_date", "end_date", "mrr" };
  TenureImportIssue *issue;

  preview = tenure_import_preview (french, TENURE_IMPORT_KIND_NONE, NULL, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->kind, ==, TENURE_IMPORT_KIND_SUBSCRIPTIONS);
  g_assert_cmpint (preview->separator, ==, ';');
  g_assert_true (preview->had_bom);
  g_assert_cmpuint (preview->issues->len, ==, 0);
  g_assert_cmpuint (preview->columns->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (((TenureImportColumn *) g_ptr_array_index (preview->columns, i))->field, ==,
                     expected_fields[i]);
  g_assert_cmpstr (((TenureImportColumn *) g_ptr_array_index (preview->columns, 1))->header, ==,
                   "Date début");
  g_assert_cmpuint (preview->rows->len, ==, 3);
  g_assert_cmpuint (preview->n_rows, ==, 7);
  g_assert_cmpstr (((char **) g_ptr_array_index (preview->rows, 2))[3], ==, "50,00 €");
  g_clear_pointer (&preview, tenure_import_preview_free);

  /* Ignoring the amount column makes mrr missing. */
  tenure_import_options_init (&options);
  tenure_import_options_map (&options, "Montant mensuel", NULL);
  preview = tenure_import_preview (french, TENURE_IMPORT_KIND_SUBSCRIPTIONS, &options, 3, &error);
  g_assert_cmpuint (preview->issues->len, ==, 1);
  issue = g_ptr_array_index (preview->issues, 0);
  g_assert_cmpint (issue->hint, ==, TENURE_IMPORT_HINT_MAPPING);
  g_assert_nonnull (strstr (issue->message, "mrr (accepted names"));
  g_assert_true (((TenureImportColumn *) g_ptr_array_index (preview->columns, 3))->mapped);
  g_assert_null (((TenureImportColumn *) g_ptr_array_index (preview->columns, 3))->field);
  g_clear_pointer (&preview, tenure_import_preview_free);

  /* A bad byte far below the first rows is found too. */
  {
    g_autoptr(GString) csv = g_string_new ("account_id,name\n");
    g_autofree char *late = NULL;

    for (guint i = 0; i < 5000; i++)
      g_string_append_printf (csv, "A%u,Société %u\n", i, i);
    g_string_append (csv, "Z,Soci\xe9t\xe9\n");
    late = write_csv (fixture, "late.csv", csv->str);
    preview = tenure_import_preview (late, TENURE_IMPORT_KIND_ACCOUNTS, NULL, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (preview->rows->len, ==, 10);
    g_assert_cmpuint (preview->n_rows, ==, 5000);
    g_assert_cmpuint (preview->issues->len, ==, 1);
    issue = g_ptr_array_index (preview->issues, 0);
    g_assert_cmpint (issue->hint, ==, TENURE_IMPORT_HINT_ENCODING);
    g_assert_cmpuint (issue->line, ==, 5002);
    g_assert_cmpuint (issue->column, ==, 7);
    g_clear_pointer (&preview, tenure_import_preview_free);
  }

  /* A Windows-1252 file: the header reads, the first row does not. */
  preview = tenure_import_preview (cp1252, TENURE_IMPORT_KIND_NONE, NULL, 10, &error);
  g_assert_cmpint (preview->kind, ==, TENURE_IMPORT_KIND_ACCOUNTS);
  g_assert_cmpuint (preview->rows->len, ==, 0);
  issue = g_ptr_array_index (preview->issues, 0);
  g_assert_cmpint (issue->hint, ==, TENURE_IMPORT_HINT_ENCODING);
}

/* A file of @rows events over 1,000 accounts. */
static char *
write_events (Fixture *fixture,
              guint    rows)
{
  g_autoptr(GString) csv = g_string_new ("account_id,at,kind,job,user\n");
  g_autofree char *path = g_build_filename (fixture->dir, "events.csv", NULL);

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "ACC-%04u,2026-%02u-%02uT%02u:%02u:00Z,%s,%s,u%u\n",
                            (i * 7919) % 1000, i % 12 + 1, i % 28 + 1, i % 24, i % 60,
                            i % 5 == 0 ? "job_completed" : "session",
                            i % 5 == 0 ? "Audit" : "", i % 3);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));

  return g_steal_pointer (&path);
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  double        last;
  guint         calls;
} ProgressData;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressData *data = user_data;

  g_assert_cmpfloat (fraction, >=, data->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  data->last = fraction;
  data->calls++;
  if (data->cancellable != NULL && fraction > data->cancel_at)
    g_cancellable_cancel (data->cancellable);
}

static void
test_progress_and_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_events (fixture, 120000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TenureImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ProgressData progress = { 0, };
  g_autofree char *integrity = NULL;
  /* Cancelled while reading rows, then while rebuilding the indexes (after 70 %). */
  const double cancel_at[] = { 0.3, 0.75 };

  const char *count_indexes = "SELECT count(*) FROM sqlite_schema "
                              "WHERE type = 'index' AND tbl_name = 'event'";
  gint64 indexes = tenure_db_query_int (fixture->db, count_indexes, -1);

  g_assert_cmpint (indexes, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cancel_at); i++)
    {
      g_cancellable_reset (cancellable);
      progress = (ProgressData) { cancellable, cancel_at[i], 0, 0 };
      g_assert_false (tenure_import_file (fixture->db, path, TENURE_IMPORT_KIND_EVENTS, NULL,
                                          &result, progress_cb, &progress, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpfloat (progress.last, >, cancel_at[i]);
      g_assert_cmpfloat (progress.last, <, 1.0);
      g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM event", -1), ==, 0);
      g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM account", -1), ==, 0);
      g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM import", -1), ==, 0);
      g_assert_cmpint (tenure_db_query_int (fixture->db, count_indexes, -1), ==, indexes);
      g_clear_pointer (&result, tenure_import_result_free);
      g_clear_error (&error);
    }

  /* The whole file: large enough to load with the event indexes dropped and rebuilt. */
  progress = (ProgressData) { NULL, 0, 0, 0 };
  g_assert_true (tenure_import_file (fixture->db, path, TENURE_IMPORT_KIND_EVENTS, NULL, &result,
                                     progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >, 5);
  g_assert_cmpuint (result->rows, ==, 120000);
  g_assert_cmpuint (result->accounts_created, ==, 1000);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM event", -1), ==, 120000);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "SELECT count(*) FROM event WHERE job_id "
                                        "IS NOT NULL", -1), ==, 24000);
  g_assert_cmpint (tenure_db_query_int (fixture->db, count_indexes, -1), ==, indexes);
  g_assert_cmpint (tenure_db_query_int (fixture->db, "PRAGMA foreign_keys", -1), ==, 1);
  integrity = tenure_db_integrity_check (fixture->db, &error);
  g_assert_cmpstr (integrity, ==, "ok");
}

typedef struct
{
  GMainLoop          *loop;
  TenureImportResult *result;
  GError             *error;
  gboolean            ok;
} AsyncData;

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncData *data = user_data;

  data->ok = tenure_import_file_finish (result, &data->result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *subscriptions = test_samples_path ("worked-example", "subscriptions.csv", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.tenure", NULL);
  AsyncData async = { g_main_loop_new (NULL, FALSE), NULL, NULL, FALSE };
  g_autoptr(TenureDb) db = NULL;

  tenure_import_file_async (other, subscriptions, TENURE_IMPORT_KIND_SUBSCRIPTIONS, NULL,
                            NULL, NULL, NULL, import_done_cb, &async);
  g_main_loop_run (async.loop);
  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_cmpuint (async.result->rows, ==, 7);
  g_assert_cmpint (async.result->import_id, ==, 1);

  db = tenure_db_open (other, TENURE_DB_OPEN_DEFAULT, NULL);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT sum(mrr_cents) FROM subscription", -1), ==, 72000);

  g_main_loop_unref (async.loop);
  tenure_import_result_free (async.result);
}

/* Cancels once the import has finished its work (its last progress call). */
static void
cancel_at_end_cb (double   fraction,
                  gpointer user_data)
{
  if (fraction >= 1.0)
    g_cancellable_cancel (user_data);
}

/* A cancellation that comes after the import was written does not report it as cancelled:
 * the caller would believe nothing was imported. */
static void
test_async_late_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *subscriptions = test_samples_path ("worked-example", "subscriptions.csv", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "late.tenure", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData async = { g_main_loop_new (NULL, FALSE), NULL, NULL, FALSE };
  g_autoptr(TenureDb) db = NULL;

  tenure_import_file_async (other, subscriptions, TENURE_IMPORT_KIND_SUBSCRIPTIONS, NULL,
                            cancel_at_end_cb, cancellable, cancellable, import_done_cb, &async);
  g_main_loop_run (async.loop);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_cmpuint (async.result->rows, ==, 7);

  db = tenure_db_open (other, TENURE_DB_OPEN_DEFAULT, NULL);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM subscription", -1), ==, 7);

  g_main_loop_unref (async.loop);
  tenure_import_result_free (async.result);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/timestamps", test_timestamps);
  g_test_add_func ("/import/amounts", test_amounts);
  g_test_add_func ("/import/months-and-counts", test_months_and_counts);
  g_test_add_func ("/import/headers", test_headers);
  g_test_add ("/import/samples-match", Fixture, NULL, fixture_setup, test_samples_match, fixture_teardown);
  g_test_add ("/import/lineage", Fixture, NULL, fixture_setup, test_lineage, fixture_teardown);
  g_test_add ("/import/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);
  g_test_add ("/import/many-errors", Fixture, NULL, fixture_setup, test_many_errors, fixture_teardown);
  g_test_add ("/import/duplicate", Fixture, NULL, fixture_setup, test_duplicate, fixture_teardown);
  g_test_add ("/import/dry-run", Fixture, NULL, fixture_setup, test_dry_run, fixture_teardown);
  g_test_add ("/import/kinds", Fixture, NULL, fixture_setup, test_kinds, fixture_teardown);
  g_test_add ("/import/zero-and-decimals", Fixture, NULL, fixture_setup, test_zero_and_decimals, fixture_teardown);
  g_test_add ("/import/windows-1252", Fixture, NULL, fixture_setup, test_windows_1252, fixture_teardown);
  g_test_add ("/import/answers", Fixture, NULL, fixture_setup, test_answers, fixture_teardown);
  g_test_add ("/import/remove", Fixture, NULL, fixture_setup, test_remove, fixture_teardown);
  g_test_add ("/import/mapping", Fixture, NULL, fixture_setup, test_mapping, fixture_teardown);
  g_test_add ("/import/preview", Fixture, NULL, fixture_setup, test_preview, fixture_teardown);
  g_test_add ("/import/progress-and-cancel", Fixture, NULL, fixture_setup, test_progress_and_cancel, fixture_teardown);
  g_test_add ("/import/async", Fixture, NULL, fixture_setup, test_async, fixture_teardown);
  g_test_add ("/import/async-late-cancel", Fixture, NULL, fixture_setup, test_async_late_cancel,
              fixture_teardown);

  return g_test_run ();
}
