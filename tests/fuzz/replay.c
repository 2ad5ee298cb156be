/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays a fuzz harness's seed corpus and regressions (tests/fuzz/corpus/NAME and
 * tests/fuzz/regressions/NAME) through its entry point, without libFuzzer. */

#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
replay_folder (gconstpointer data)
{
  const char *folder = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  const char *name;
  guint count = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (name[0] == '.' || g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_test_message ("%s (%" G_GSIZE_FORMAT " bytes)", name, length);
      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
      count++;
    }
  g_test_message ("%u inputs replayed", count);
  g_assert_cmpuint (count, >, 0);
}

int
main (int    argc,
      char **argv)
{
  const char *source = g_getenv ("TENURE_SOURCE_DIR");
  g_autofree char *corpus = NULL;
  g_autofree char *regressions = NULL;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (source);
  corpus = g_build_filename (source, "tests", "fuzz", "corpus", FUZZ_NAME, NULL);
  regressions = g_build_filename (source, "tests", "fuzz", "regressions", FUZZ_NAME, NULL);

  g_test_add_data_func ("/fuzz-" FUZZ_NAME "/corpus", corpus, replay_folder);
  g_test_add_data_func ("/fuzz-" FUZZ_NAME "/regressions", regressions, replay_folder);

  return g_test_run ();
}
