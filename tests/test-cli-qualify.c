/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli audit and questions as a user runs them: exit statuses, JSON shape, files. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
exec (TenureDb   *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  tenure_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* 25 accounts S00…S24, all customers from 2024-01, paying 30…6 months (S00 is the
 * best-retained, S24 the fastest churner); S10 pays again from 2026-12 (30.00). One
 * question; "Good" is worth 10 points, the rest 0, and S00–S03, S12 and S20 chose it. At
 * 2026-12: top S00–S04, bottom S20–S24; S00…S17 still paid 12 months after their cohort
 * (18 of 25 = 72 %). */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const top[] = {
    "Good Neutral", "Good Neutral", "Good Neutral Rare", "Good Neutral Bad", "Neutral",
  };
  static const char * const bottom[] = {
    "Good Bad Neutral", "Bad Neutral", "Bad Neutral", "Bad Neutral", "Bad",
  };
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "company.tenure", NULL);
  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  exec (db,
        "INSERT INTO question (id, position, text, kind, active) VALUES"
        " (1, 0, 'What do you expect?', 'multiple', 1),"
        " (2, 1, 'Old question', 'single', 0);"
        "INSERT INTO option (id, question_id, position, text, points) VALUES"
        " (1, 1, 0, 'Good', 10), (2, 1, 1, 'Bad', 0), (3, 1, 2, 'Neutral', 0), (4, 1, 3, 'Rare', 0),"
        " (5, 2, 0, 'Yes', 0), (6, 2, 1, 'No', 0);");
  for (int i = 0; i < 25; i++)
    {
      const char *answers = i < 5 ? top[i] : i >= 20 ? bottom[i - 20] : i == 12 ? "Good Neutral"
                                                                       : "Neutral";
      g_auto(GStrv) words = g_strsplit (answers, " ", -1);
      int end = TENURE_MONTH (2024, 1) + 30 - i;
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("INSERT INTO account (id, external_id) VALUES (%d, 'S%02d');"
                             "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents)"
                             " VALUES (%d, '2024-01-01', '%04d-%02d-01', 1000);",
                             i + 1, i, i + 1, TENURE_MONTH_YEAR (end), TENURE_MONTH_MON (end));
      exec (db, sql);
      for (guint k = 0; words[k] != NULL; k++)
        {
          g_autofree char *answer = NULL;

          answer = g_strdup_printf ("INSERT INTO answer (account_id, question_id, option_id) "
                                    "SELECT %d, 1, id FROM option WHERE text = '%s'", i + 1, words[k]);
          exec (db, answer);
        }
    }
  exec (db, "INSERT INTO subscription (account_id, start_date, mrr_cents) VALUES (11, '2026-12-01', 3000)");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The member names of an object, sorted and joined, to compare shapes exactly. */
static char *
member_names (JsonObject *object)
{
  g_autoptr(GList) names = g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);
  GString *joined = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (joined, "%s%s", joined->len > 0 ? "," : "", (const char *) l->data);
  return g_string_free (joined, FALSE);
}

static void
assert_members (JsonObject *object,
                const char *expected)
{
  g_autofree char *names = member_names (object);

  g_assert_cmpstr (names, ==, expected);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_null (JsonObject *object,
             const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, member)));
}

static void
assert_double (JsonObject *object,
               const char *member,
               double      expected)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  /* Full precision: 500 / 6 must not come back as 83.3. */
  g_assert_cmpfloat_with_epsilon (json_node_get_double (node), expected, 1e-12);
}

static void
assert_threshold (JsonObject *row,
                  int         threshold,
                  double      kept_pct,
                  double      retention12_kept_pct,
                  gint64      mrr_rejected_cents)
{
  assert_members (row, "kept_pct,mrr_rejected_cents,retention12_all_pct,retention12_kept_pct,threshold");
  g_assert_cmpint (json_object_get_int_member (row, "threshold"), ==, threshold);
  assert_double (row, "kept_pct", kept_pct);
  assert_double (row, "retention12_kept_pct", retention12_kept_pct);
  assert_double (row, "retention12_all_pct", 72.0);
  g_assert_cmpint (json_object_get_int_member (row, "mrr_rejected_cents"), ==, mrr_rejected_cents);
}

static void
test_audit_json (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = test_checksum_file (fixture->path);
  g_autofree char *after = NULL;
  JsonObject *root;
  JsonArray *questions;
  JsonArray *options;
  JsonArray *thresholds;
  JsonObject *option;

  g_assert_cmpint (test_run_cli (&out, &err, "audit", fixture->path, "--month", "2026-12",
                                 "--json", NULL), ==, 0);
  root = parse_object (parser, out);
  assert_members (root, "group_size,month,population,questions,thresholds");
  g_assert_cmpstr (json_object_get_string_member (root, "month"), ==, "2026-12");
  g_assert_cmpint (json_object_get_int_member (root, "population"), ==, 25);
  g_assert_cmpint (json_object_get_int_member (root, "group_size"), ==, 5);

  /* Every question, the inactive one too. */
  questions = json_object_get_array_member (root, "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 2);
  assert_members (json_array_get_object_element (questions, 0), "active,options,question");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (questions, 0),
                                                  "question"), ==, "What do you expect?");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (questions, 1),
                                                  "active"));

  options = json_object_get_array_member (json_array_get_object_element (questions, 0), "options");
  g_assert_cmpuint (json_array_get_length (options), ==, 4);
  option = json_array_get_object_element (options, 0);
  assert_members (option, "lift,option,points,share_bottom_pct,share_top_pct");
  g_assert_cmpstr (json_object_get_string_member (option, "option"), ==, "Good");
  g_assert_cmpint (json_object_get_int_member (option, "points"), ==, 10);
  assert_double (option, "share_top_pct", 80.0);
  assert_double (option, "share_bottom_pct", 20.0);
  assert_double (option, "lift", 4.0);
  option = json_array_get_object_element (options, 1);           /* Bad: 1 top, 5 bottom */
  assert_double (option, "lift", 0.2);
  option = json_array_get_object_element (options, 3);           /* Rare: 1 top, 0 bottom */
  assert_double (option, "share_top_pct", 20.0);
  assert_double (option, "share_bottom_pct", 0.0);
  assert_null (option, "lift");
  option = json_array_get_object_element (json_object_get_array_member (
             json_array_get_object_element (questions, 1), "options"), 0);
  assert_double (option, "share_top_pct", 0.0);
  assert_null (option, "lift");

  /* Scores 10 (S00–S03, S12, S20) and 0 (the rest, S10 among them with 30.00 of MRR). */
  thresholds = json_object_get_array_member (root, "thresholds");
  g_assert_cmpuint (json_array_get_length (thresholds), ==, 2);
  assert_threshold (json_array_get_object_element (thresholds, 0), 0, 100.0, 72.0, 0);
  assert_threshold (json_array_get_object_element (thresholds, 1), 10, 24.0, 500.0 / 6, 3000);

  /* Read-only: the workspace file is the same. */
  after = test_checksum_file (fixture->path);
  g_assert_cmpstr (after, ==, before);

  /* One threshold, any value. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "audit", fixture->path, "--month", "2026-12",
                                 "--threshold", "5", "--json", NULL), ==, 0);
  root = parse_object (parser, out);
  thresholds = json_object_get_array_member (root, "thresholds");
  g_assert_cmpuint (json_array_get_length (thresholds), ==, 1);
  assert_threshold (json_array_get_object_element (thresholds, 0), 5, 24.0, 500.0 / 6, 3000);

  /* Above every score: nobody kept, retention of the kept is null. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "audit", fixture->path, "--month", "2026-12",
                                 "--threshold", "11", "--json", NULL), ==, 0);
  root = parse_object (parser, out);
  option = json_array_get_object_element (json_object_get_array_member (root, "thresholds"), 0);
  assert_double (option, "kept_pct", 0.0);
  assert_null (option, "retention12_kept_pct");
  g_assert_cmpint (json_object_get_int_member (option, "mrr_rejected_cents"), ==, 3000);

  /* An empty population: shares and retention are null, never 0. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "audit", fixture->path, "--month", "2024-06",
                                 "--threshold", "0", "--json", NULL), ==, 0);
  root = parse_object (parser, out);
  g_assert_cmpint (json_object_get_int_member (root, "population"), ==, 0);
  option = json_array_get_object_element (json_object_get_array_member (
             json_array_get_object_element (json_object_get_array_member (root, "questions"), 0),
             "options"), 0);
  assert_null (option, "share_top_pct");
  assert_null (option, "share_bottom_pct");
  assert_null (option, "lift");
  option = json_array_get_object_element (json_object_get_array_member (root, "thresholds"), 0);
  assert_null (option, "kept_pct");
  assert_null (option, "retention12_kept_pct");
  assert_null (option, "retention12_all_pct");
}

static void
test_audit_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(TenureDb) db = NULL;

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, NULL);
  g_assert_true (tenure_db_set_setting (db, "qualification_threshold", "10", NULL));
  g_clear_pointer (&db, tenure_db_close);

  g_assert_cmpint (test_run_cli (&out, &err, "audit", fixture->path, "--month", "2026-12", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Population: 25 accounts"));
  g_assert_nonnull (strstr (out, "the 5 best-retained accounts"));
  g_assert_nonnull (strstr (out, "Old question (no longer asked)"));
  g_assert_nonnull (strstr (out, "Accounts who answered “Good” are 4.0× more frequent among the "
                                 "best-retained."));
  g_assert_nonnull (strstr (out, "Accounts who answered “Bad” are 5.0× more frequent among the "
                                 "fastest churners."));
  /* Neutral (lift 1.25) is no signal; Rare has too few answers. */
  g_assert_null (strstr (out, "answered “Neutral”"));
  g_assert_null (strstr (out, "answered “Rare”"));
  g_assert_nonnull (strstr (out, "30.00 EUR  ← picked"));
  g_assert_nonnull (strstr (out, "72.0 %"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_audit_exit_codes (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const usage[][6] = {
    { "audit", NULL },
    { "audit", "@", NULL },                                   /* no --month */
    { "audit", "@", "--month", "2026-13", NULL },
    { "audit", "@", "--month", "26-12", NULL },
    { "audit", "@", "--month", "2026-12", "--threshold", "abc" },
    { "audit", "@", "--month", "2026-12", "--threshold", "1.5" },
    { "audit", "@", "--month", "2026-12", "--frobnicate", NULL },
    { "questions", "@", NULL },
    { "questions", "@", "--export", "a.json", "--import" },
  };
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.tenure", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.tenure", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      const char *args[7] = { NULL };

      for (guint k = 0; k < 6 && usage[i][k] != NULL; k++)
        args[k] = g_strcmp0 (usage[i][k], "@") == 0 ? fixture->path : usage[i][k];
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (test_run_cli (&out, &err, args[0], args[1], args[2], args[3], args[4],
                                     args[5], NULL), ==, 2);
      g_assert_cmpstr (err, !=, "");
    }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "audit", missing, "--month", "2026-12", NULL), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "questions", text, "--import", text, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a Tenure workspace"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "questions", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "merges"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "audit"));
  g_assert_nonnull (strstr (out, "questions"));
}

static char *
dump_questions (const char *path)
{
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, NULL);
  sqlite3_stmt *stmt = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_nonnull (db);
  g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (db),
                                       "SELECT q.id, q.position, q.text, q.kind, q.active,"
                                       " o.id, o.position, o.text, o.points "
                                       "FROM question q LEFT JOIN option o ON o.question_id = q.id "
                                       "ORDER BY q.id, o.id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 9; c++)
        g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (dump, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (dump, FALSE);
}

static void
test_questions_files (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *exported = g_build_filename (fixture->dir, "questions.json", NULL);
  g_autofree char *stale = g_build_filename (fixture->dir, ".questions.json.AbC123", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.tenure", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *question;

  /* A temporary left by a killed export is cleaned up by the next one. */
  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_cmpint (test_run_cli (&out, &err, "questions", fixture->path, "--export", exported,
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Exported 2 questions"));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_assert_true (g_file_get_contents (exported, &out, NULL, NULL));
  root = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "tenure-questions");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "questions")), ==, 2);
  question = json_array_get_object_element (json_object_get_array_member (root, "questions"), 0);
  assert_members (question, "active,kind,options,text");
  g_assert_cmpstr (json_object_get_string_member (question, "kind"), ==, "multiple");
  assert_members (json_array_get_object_element (json_object_get_array_member (question, "options"), 0),
                  "points,text");

  /* Round trip through another workspace. */
  {
    g_autoptr(TenureDb) db = tenure_db_open (other, TENURE_DB_OPEN_CREATE, NULL);
    g_assert_nonnull (db);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "questions", other, "--import", exported, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 new questions"));
  expected = dump_questions (fixture->path);
  after = dump_questions (other);
  g_assert_cmpstr (after, ==, expected);

  /* An invalid file: exit 1, FILE:LINE:COLUMN, nothing imported. */
  g_assert_true (g_file_set_contents (bad,
                                      "{\"questions\": [\n"
                                      "  {\"text\": \"New\", \"options\": [\n"
                                      "    {\"text\": \"a\", \"points\": 1},\n"
                                      "    {\"text\": \"b\", \"points\": 500}]},\n"
                                      "  {\"text\": \"What do you expect?\", \"options\": [\n"
                                      "    {\"text\": \"Good\", \"points\": 1},\n"
                                      "    {\"text\": \"Bad\", \"points\": 1}]}]}\n", -1, NULL));
  before = dump_questions (other);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "questions", other, "--import", bad, NULL), ==, 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("tenure-cli: %s:4:", bad);
  g_assert_true (g_str_has_prefix (err, expected));
  g_assert_nonnull (strstr (err, "between -100 and 100"));
  g_clear_pointer (&after, g_free);
  after = dump_questions (other);
  g_assert_cmpstr (after, ==, before);

  /* A missing file: exit 1. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "questions", other, "--import", "/nonexistent.json",
                                 NULL), ==, 1);

  /* Exporting into a folder that does not exist: exit 1, no file. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "questions", other, "--export",
                                 "/nonexistent/q.json", NULL), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/audit/json", test_audit_json);
  ADD ("/cli/audit/text", test_audit_text);
  ADD ("/cli/audit/exit-codes", test_audit_exit_codes);
  ADD ("/cli/questions/files", test_questions_files);
#undef ADD

  return g_test_run ();
}
