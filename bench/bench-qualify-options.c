/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times N answers added one by one to a question through the question editor, and a
 * questions file of one question with N answers imported, against a baseline of the same
 * run: the same N rows inserted with plain SQL, one transaction each. */

#include "config.h"

#include <glib/gstdio.h>

#include "tenure-db.h"
#include "tenure-qualify.h"

static char *
option_text (guint i)
{
  /* Every other answer is not ASCII, as a French or Arabic questionnaire's are. */
  return i % 2 == 0 ? g_strdup_printf ("Option %u", i)
                    : g_strdup_printf ("Réponse numéro %u — مرحبا", i);
}

static double
time_editor (const char *path,
             guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autofree char *duplicate = NULL;
  gint64 question;
  gint64 start;

  g_assert_no_error (error);
  editor = tenure_question_editor_new (db);
  question = tenure_question_editor_add_question (editor, "How did you hear of us?",
                                                  TENURE_QUESTION_SINGLE, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = option_text (i);

      g_assert_cmpint (tenure_question_editor_add_option (editor, question, text, (int) (i % 5),
                                                          &error), >, 0);
      g_assert_no_error (error);
    }
  /* A duplicate is still refused. */
  duplicate = g_utf8_strup ("Réponse numéro 1 — مرحبا", -1);
  g_assert_cmpint (tenure_question_editor_add_option (editor, question, duplicate, 0, &error), ==,
                   0);
  g_assert_nonnull (error);

  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_import (const char *path,
             const char *file,
             guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_autoptr(TenureQuestionEditor) editor = NULL;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"tenure-questions\", \"version\": 1, "
                                          "\"questions\": [{\"text\": \"Which plan?\", "
                                          "\"options\": [");
  guint added = 0;
  guint changed = 0;
  gint64 start;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = option_text (i);

      g_string_append_printf (json, "%s{\"text\": \"%s\", \"points\": %u}", i > 0 ? ", " : "",
                              text, i % 5);
    }
  g_string_append (json, "]}]}");
  g_assert_true (g_file_set_contents (file, json->str, (gssize) json->len, NULL));

  editor = tenure_question_editor_new (db);
  start = g_get_monotonic_time ();
  g_assert_true (tenure_question_editor_import (editor, file, &added, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  /* Importing it again merges: every answer is found among the workspace's. */
  g_assert_true (tenure_question_editor_import (editor, file, &added, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added + changed, ==, 0);

  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_baseline (const char *path,
               guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  gint64 start;

  g_assert_no_error (error);
  g_assert_true (tenure_db_exec (db, "INSERT INTO question (id, position, text, kind, active) "
                                     "VALUES (1, 0, 'Q', 'single', 0)", &error));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = option_text (i);
      sqlite3_stmt *stmt;

      g_assert_true (tenure_db_begin (db, &error));
      stmt = tenure_db_prepare (db, "INSERT INTO option (question_id, position, text, points) "
                                    "VALUES (1, ?, ?, ?)", &error);
      g_assert_nonnull (stmt);
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (int) (i % 5));
      g_assert_true (tenure_db_step_done (db, stmt, &error));
      g_assert_true (tenure_db_commit (db, &error));
    }

  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("tenure-bench-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "editor.tenure", NULL);
  g_autofree char *b = g_build_filename (dir, "import.tenure", NULL);
  g_autofree char *c = g_build_filename (dir, "baseline.tenure", NULL);
  g_autofree char *json = g_build_filename (dir, "questions.json", NULL);
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  double baseline, editor, import;

  baseline = time_baseline (c, n);
  editor = time_editor (a, n);
  import = time_import (b, json, n);
  g_print ("%u answers: baseline (plain SQL, one transaction each) %.2f s; "
           "editor one by one %.2f s (%.1fx baseline); file import twice %.2f s (%.2fx baseline)\n",
           n, baseline, editor, editor / baseline, import, import / baseline);

  for (const char *names[] = { a, b, c, json, NULL }, **p = names; *p != NULL; p++)
    {
      g_autofree char *wal = g_strconcat (*p, "-wal", NULL);
      g_autofree char *shm = g_strconcat (*p, "-shm", NULL);

      g_unlink (*p);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (dir);
  return 0;
}
