/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Random bytes and mutated valid CSV files: the importer refuses or loads them, never
 * crashes, and every issue it reports has a place and a message. */

#include "config.h"

#include "tenure-import.h"
#include "tenure-test-util.h"

#define RANDOM_CASES 3000
#define MUTATED_CASES 6000
#define WRITTEN_CASES 400

static const char * const seeds[] = {
  "account_id,start_date,end_date,mrr\nA,2026-01-10,,100.00\nB,2026-01-20,2026-03-05,50.00\n",
  "\xef\xbb\xbf" "Client;Date début;Date fin;Montant mensuel\r\nA;10/01/2026;;100,00 €\r\n"
  "C;01/02/2026;01/03/2026;\"200,00 €\"\r\n",
  "account_id,at,kind,job,user\nA,2026-01-05T09:00:00+01:00,session,,u1\n"
  "B,2026-01-06,job_completed,\"Audit, monthly\",u2\n",
  "answered_on,score,kind,account_id,comment\n2026-04-02,10,nps,A,\"Great \"\"tool\"\"\"\n"
  "2026-04-10,8,cli,,\"two\nlines\"\n",
  "month\tchannel\tamount\tleads\n2026-01\tads\t1 234,50\t12\n04/2026\tseo\t€1,234.50\t\n",
  "account_id,opened_at,category\nA,2026-02-01 08:00,strategic\nB,2026-02-02,basique\n",
  "account_id,question,answer\nA,What do you use today?,Excel\nB,How urgent?,Now\n",
  "account_id,name,segment,plan,channel,owner,signup_date\nA,Atelier,SMB,Pro,ads,Claire,05/01/2026\n",
};

static const char interesting[] = ",;\t\"\r\n0123456789-/.: \xff";

/* Whole characters, so that most mutations stay valid UTF-8 and reach the loading code. */
static const char * const tokens[] = {
  ",", ";", "\t", "\"", "\"\"", "\r\n", "\n", "0", "1", "9", "12", "-", "/", ".", ":", " ",
  "€", "é", "\xe2\x80\xaf", "\xc2\xa0", "2026-02-30", "31/12/2026", "1,234", "job_completed",
  "nps", "cli", "\xef\xbb\xbf", "\xff",
};

static GBytes *
mutate (GRand      *rand,
        const char *seed)
{
  GByteArray *bytes = g_byte_array_new ();
  guint n = (guint) g_rand_int_range (rand, 1, 4);

  g_byte_array_append (bytes, (const guint8 *) seed, (guint) strlen (seed));
  for (guint i = 0; i < n && bytes->len > 0; i++)
    {
      const guint8 *newline = memchr (bytes->data, '\n', bytes->len);
      guint header = newline != NULL ? (guint) (newline - bytes->data) + 1 : 0;
      /* Mostly below the header: a broken header stops an import before its rows. */
      guint from = header < bytes->len && g_rand_int_range (rand, 0, 4) > 0 ? header : 0;
      guint at = (guint) g_rand_int_range (rand, (gint32) from, (gint32) bytes->len);
      const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];
      guint8 *copy;

      /* Move to the start of a character. */
      while (at > 0 && (bytes->data[at] & 0xC0) == 0x80)
        at--;

      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0: case 1: case 2:
          g_byte_array_remove_index (bytes, at);
          while (at < bytes->len && (bytes->data[at] & 0xC0) == 0x80)
            g_byte_array_remove_index (bytes, at);
          break;
        case 3:
          g_byte_array_set_size (bytes, at);
          break;
        case 4:
          bytes->data[at] = (guint8) g_rand_int_range (rand, 0, 256);
          break;
        default:
          /* Insert a token. */
          copy = g_memdup2 (bytes->data + at, bytes->len - at);
          {
            guint tail = bytes->len - at;

            g_byte_array_set_size (bytes, at);
            g_byte_array_append (bytes, (const guint8 *) token, (guint) strlen (token));
            g_byte_array_append (bytes, copy, tail);
          }
          g_free (copy);
          break;
        }
    }

  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
random_bytes (GRand *rand)
{
  guint length = (guint) g_rand_int_range (rand, 0, 300);
  guint8 *data = g_malloc (length + 1);

  for (guint i = 0; i < length; i++)
    data[i] = g_rand_boolean (rand) ? (guint8) interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)]
                                    : (guint8) g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, length);
}

static void
check_result (gboolean                  ok,
              const TenureImportResult *result,
              const GError             *error)
{
  if (ok)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (result->n_issues, ==, 0);
      return;
    }

  g_assert_nonnull (error);
  if (g_error_matches (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_INVALID))
    {
      g_assert_cmpuint (result->n_issues, >, 0);
      g_assert_cmpuint (result->issues->len, >, 0);
    }
  for (guint i = 0; result != NULL && i < result->issues->len; i++)
    {
      const TenureImportIssue *issue = g_ptr_array_index (result->issues, i);

      g_assert_cmpuint (issue->line, >=, 1);
      g_assert_cmpuint (issue->column, >=, 1);
      g_assert_nonnull (issue->message);
      g_assert_true (g_utf8_validate (issue->message, -1, NULL));
      g_assert_cmpuint (strlen (issue->message), >, 10);
    }
}

static guint loaded_cases;

static void
run_case (TenureDb         *db,
          const char       *path,
          GBytes           *bytes,
          TenureImportKind  kind,
          gboolean          dry_run,
          TenureCsvEncoding encoding)
{
  g_autoptr(TenureImportResult) result = NULL;
  g_autoptr(TenureImportPreview) preview = NULL;
  g_auto(TenureImportOptions) options;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  FILE *file;

  /* Plain stdio, not g_file_set_contents(), which syncs; and a new file each time, as
   * ext4 flushes a file truncated and rewritten when it is closed. */
  g_unlink (path);
  file = fopen (path, "wb");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), file), ==,
                    g_bytes_get_size (bytes));
  g_assert_cmpint (fclose (file), ==, 0);

  tenure_import_options_init (&options);
  options.dry_run = dry_run;
  options.force = TRUE;
  options.encoding = encoding;

  ok = tenure_import_file (db, path, kind, &options, &result, NULL, NULL, NULL, &error);
  check_result (ok, result, error);
  loaded_cases += ok && db != NULL;

  preview = tenure_import_preview (path, TENURE_IMPORT_KIND_NONE, &options, 5, &error);
  if (preview != NULL)
    for (guint i = 0; i < preview->rows->len; i++)
      g_assert_nonnull (g_ptr_array_index (preview->rows, i));
}

static void
test_fuzz (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "fuzz.csv", NULL);
  g_autofree char *workspace = g_build_filename (dir, "fuzz.tenure", NULL);
  g_autoptr(TenureDb) db = tenure_db_open (workspace, TENURE_DB_OPEN_CREATE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;

  g_assert_nonnull (db);
  /* Durability is not what this test is about: no fsync at the checkpoints. */
  g_assert_true (tenure_db_exec (db, "PRAGMA synchronous = OFF", NULL));

  for (guint i = 0; i < RANDOM_CASES; i++)
    {
      g_autoptr(GBytes) bytes = random_bytes (rand);

      run_case (NULL, csv, bytes, (TenureImportKind) g_rand_int_range (rand, 1, TENURE_IMPORT_N_KINDS),
                TRUE, g_rand_boolean (rand) ? TENURE_CSV_ENCODING_UTF8 : TENURE_CSV_ENCODING_WINDOWS_1252);
    }

  for (guint i = 0; i < MUTATED_CASES; i++)
    {
      guint seed = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (seeds));
      g_autoptr(GBytes) bytes = mutate (rand, seeds[seed]);
      TenureImportKind kind = g_rand_int_range (rand, 0, 4) == 0
                              ? (TenureImportKind) g_rand_int_range (rand, 1, TENURE_IMPORT_N_KINDS)
                              : (TenureImportKind) (seed == 0 || seed == 1 ? TENURE_IMPORT_KIND_SUBSCRIPTIONS
                                                  : seed == 2 ? TENURE_IMPORT_KIND_EVENTS
                                                  : seed == 3 ? TENURE_IMPORT_KIND_RESPONSES
                                                  : seed == 4 ? TENURE_IMPORT_KIND_SPEND
                                                  : seed == 5 ? TENURE_IMPORT_KIND_TICKETS
                                                  : seed == 6 ? TENURE_IMPORT_KIND_ANSWERS
                                                  : TENURE_IMPORT_KIND_ACCOUNTS);

      /* Some cases really write, so the loading paths are fuzzed too. */
      run_case (i < WRITTEN_CASES ? db : NULL, csv, bytes, kind, i >= WRITTEN_CASES,
                i % 10 == 0 ? TENURE_CSV_ENCODING_WINDOWS_1252 : TENURE_CSV_ENCODING_UTF8);
    }

  /* Mutations often leave a file valid: the writing paths were really taken. */
  g_test_message ("%u written cases loaded", loaded_cases);
  g_assert_cmpuint (loaded_cases, >, WRITTEN_CASES / 10);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM import", -1), ==, loaded_cases);

  integrity = tenure_db_integrity_check (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check", -1), ==, 0);

  /* Loads skip SQLite's CHECK constraints (the loaders check the same rules): whatever
   * was loaded must still satisfy them. */
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM event", -1), >, 0);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM subscription", -1), >, 0);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM response", -1), >, 0);
  g_assert_cmpint (tenure_db_query_int (db,
                                        "SELECT (SELECT count(*) FROM event WHERE kind NOT IN "
                                        "('session', 'action', 'feature_used', 'job_completed')) + "
                                        "(SELECT count(*) FROM subscription WHERE mrr_cents < 0 OR "
                                        "end_date < start_date) + "
                                        "(SELECT count(*) FROM response WHERE NOT ((kind = 'nps' AND "
                                        "score BETWEEN 0 AND 10) OR (kind = 'cli' AND score BETWEEN "
                                        "1 AND 10))) + "
                                        "(SELECT count(*) FROM spend WHERE amount_cents < 0 OR leads < 0) + "
                                        "(SELECT count(*) FROM ticket WHERE category NOT IN "
                                        "('strategic', 'basic'))", -1), ==, 0);
  g_assert_cmpint (tenure_db_query_int (db, "PRAGMA ignore_check_constraints", -1), ==, 0);
  g_clear_pointer (&db, tenure_db_close);

  test_rmdir_recursive (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/fuzz", test_fuzz);

  return g_test_run ();
}
