/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The undo history the editors share: steps, labels, limit, merging, conflicts, locks. */

#include "config.h"

#include "tenure-db.h"
#include "tenure-test-util.h"
#include "tenure-undo.h"

/* A step sets one workspace setting from one value to another (NULL: absent). */
typedef struct
{
  char *key;
  char *before;
  char *after;
} Step;

typedef enum
{
  TEST_ERROR_NOTHING,
  TEST_ERROR_CONFLICT,
  TEST_ERROR_REFUSED,
} TestError;

GQuark test_error_quark (void);
G_DEFINE_QUARK (test-undo-error-quark, test_error)

static guint steps_alive;

static Step *
step_new (const char *key,
          const char *before,
          const char *after)
{
  Step *step = g_new0 (Step, 1);

  step->key = g_strdup (key);
  step->before = g_strdup (before);
  step->after = g_strdup (after);
  steps_alive++;
  return step;
}

static void
step_free (Step *step)
{
  g_free (step->key);
  g_free (step->before);
  g_free (step->after);
  g_free (step);
  steps_alive--;
}

static gboolean
write_setting (TenureDb    *db,
               const char  *key,
               const char  *value,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (value != NULL)
    return tenure_db_set_setting (db, key, value, error);

  stmt = tenure_db_prepare (db, "DELETE FROM workspace WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return tenure_db_step_done (db, stmt, error);
}

/* Writes @to after checking the setting is still @from, as the editors do. */
static gboolean
step_apply (TenureDb  *db,
            gpointer   data,
            gboolean   forward,
            GError   **error)
{
  Step *step = data;
  const char *from = forward ? step->before : step->after;
  const char *to = forward ? step->after : step->before;
  g_autofree char *current = tenure_db_get_setting (db, step->key, NULL);

  if (g_strcmp0 (to, "refused") == 0)
    {
      g_set_error_literal (error, test_error_quark (), TEST_ERROR_REFUSED, "refused");
      return FALSE;
    }
  if (g_strcmp0 (current, from) != 0)
    {
      g_set_error_literal (error, test_error_quark (), TEST_ERROR_CONFLICT, "conflict");
      return FALSE;
    }

  return write_setting (db, step->key, to, error);
}

/* Steps of the same key merge, as typing in one field does. */
static gboolean
step_merge (gpointer newest_data,
            gpointer data)
{
  Step *newest = newest_data;
  Step *step = data;

  if (g_strcmp0 (newest->key, step->key) != 0)
    return FALSE;

  g_free (newest->after);
  newest->after = g_steal_pointer (&step->after);
  return TRUE;
}

/* An editor with nothing but the history's properties. */
#define TEST_TYPE_EDITOR (test_editor_get_type ())
G_DECLARE_FINAL_TYPE (TestEditor, test_editor, TEST, EDITOR, GObject)

struct _TestEditor
{
  GObject     parent_instance;

  TenureUndo *history;
  GPtrArray  *changed_keys;   /* the key of every step saved, undone or redone */
  guint       can_undo_notified;
  guint       can_redo_notified;
};

G_DEFINE_FINAL_TYPE (TestEditor, test_editor, G_TYPE_OBJECT)

static void
test_editor_finalize (GObject *object)
{
  TestEditor *self = TEST_EDITOR (object);

  g_clear_pointer (&self->history, tenure_undo_free);
  g_clear_pointer (&self->changed_keys, g_ptr_array_unref);

  G_OBJECT_CLASS (test_editor_parent_class)->finalize (object);
}

static void
test_editor_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  tenure_undo_get_property (TEST_EDITOR (object)->history, prop_id, value, pspec);
}

static void
test_editor_notify (GObject    *object,
                    GParamSpec *pspec)
{
  TestEditor *self = TEST_EDITOR (object);

  if (g_strcmp0 (pspec->name, "can-undo") == 0)
    self->can_undo_notified++;
  else if (g_strcmp0 (pspec->name, "can-redo") == 0)
    self->can_redo_notified++;
}

static void
test_editor_class_init (TestEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = test_editor_finalize;
  object_class->get_property = test_editor_get_property;
  object_class->notify = test_editor_notify;

  tenure_undo_install_properties (object_class);
}

static void
test_editor_init (TestEditor *self)
{
  self->changed_keys = g_ptr_array_new_with_free_func (g_free);
}

static void
step_changed (GObject  *owner,
              gpointer  data)
{
  g_ptr_array_add (TEST_EDITOR (owner)->changed_keys, g_strdup (((Step *) data)->key));
}

static const TenureUndoFuncs plain_funcs = {
  .apply = step_apply,
  .free = (GDestroyNotify) step_free,
  .changed = step_changed,
  .error_quark = test_error_quark,
  .nothing_code = TEST_ERROR_NOTHING,
  .conflict_code = TEST_ERROR_CONFLICT,
};

static const TenureUndoFuncs merging_funcs = {
  .apply = step_apply,
  .free = (GDestroyNotify) step_free,
  .merge = step_merge,
  .changed = step_changed,
  .error_quark = test_error_quark,
  .nothing_code = TEST_ERROR_NOTHING,
  .conflict_code = -1,
};

typedef struct
{
  char       *dir;
  char       *path;
  TenureDb   *db;
  TestEditor *editor;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const TenureUndoFuncs *funcs = data != NULL ? data : &plain_funcs;
  g_autoptr(GError) error = NULL;

  steps_alive = 0;
  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "company.tenure", NULL);
  fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->editor = g_object_new (TEST_TYPE_EDITOR, NULL);
  fixture->editor->history = tenure_undo_new (funcs, G_OBJECT (fixture->editor),
                                              fixture->db, 3);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->editor);
  /* Every step the history took was freed with it. */
  g_assert_cmpuint (steps_alive, ==, 0);
  tenure_db_close (fixture->db);
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
assert_setting (Fixture    *fixture,
                const char *key,
                const char *expected)
{
  g_autofree char *value = tenure_db_get_setting (fixture->db, key, "(none)");

  g_assert_cmpstr (value, ==, expected);
}

/* One edit the way an editor makes it: begin, write, push. */
static gboolean
edit (Fixture     *fixture,
      const char  *label,
      const char  *key,
      const char  *value,
      GError     **error)
{
  TenureUndo *history = fixture->editor->history;
  g_autofree char *before = NULL;

  if (!tenure_undo_begin (history, error))
    return FALSE;
  before = tenure_db_get_setting (fixture->db, key, NULL);
  if (!write_setting (fixture->db, key, value, error))
    return tenure_undo_abort (history);

  return tenure_undo_push (history, label, step_new (key, before, value), error);
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  TestEditor *editor = fixture->editor;
  TenureUndo *history = editor->history;
  g_autoptr(GError) error = NULL;
  gboolean can_undo = FALSE;

  g_assert_false (tenure_undo_can_undo (history));
  g_assert_null (tenure_undo_get_undo_label (history));
  g_assert_false (tenure_undo_undo (history, &error));
  g_assert_error (error, test_error_quark (), TEST_ERROR_NOTHING);
  g_assert_cmpstr (error->message, ==, "There is nothing to undo");
  g_clear_error (&error);
  g_assert_false (tenure_undo_redo (history, &error));
  g_assert_error (error, test_error_quark (), TEST_ERROR_NOTHING);
  g_assert_cmpstr (error->message, ==, "There is nothing to redo");
  g_clear_error (&error);

  g_assert_true (edit (fixture, "Set colour", "colour", "blue", &error));
  g_assert_no_error (error);
  g_assert_true (edit (fixture, "Set size", "size", "12", &error));
  g_assert_no_error (error);
  g_assert_true (tenure_undo_can_undo (history));
  g_assert_false (tenure_undo_can_redo (history));
  g_object_get (editor, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (tenure_undo_get_undo_label (history), ==, "Set size");
  g_assert_cmpuint (editor->can_undo_notified, ==, 1);

  /* Undo takes the newest step back and offers it for redo. */
  g_assert_true (tenure_undo_undo (history, &error));
  g_assert_no_error (error);
  assert_setting (fixture, "size", "(none)");
  g_assert_cmpstr (tenure_undo_get_undo_label (history), ==, "Set colour");
  g_assert_cmpstr (tenure_undo_get_redo_label (history), ==, "Set size");
  g_assert_cmpuint (editor->can_redo_notified, ==, 1);

  g_assert_true (tenure_undo_undo (history, &error));
  assert_setting (fixture, "colour", "(none)");
  g_assert_false (tenure_undo_can_undo (history));
  g_assert_cmpuint (editor->can_undo_notified, ==, 2);

  g_assert_true (tenure_undo_redo (history, &error));
  g_assert_true (tenure_undo_redo (history, &error));
  g_assert_no_error (error);
  assert_setting (fixture, "size", "12");
  g_assert_false (tenure_undo_can_redo (history));
  g_assert_cmpuint (editor->can_redo_notified, ==, 2);

  /* A new edit after an undo forgets what could be redone. */
  g_assert_true (tenure_undo_undo (history, &error));
  g_assert_true (tenure_undo_can_redo (history));
  g_assert_true (edit (fixture, "Set shape", "shape", "round", &error));
  g_assert_false (tenure_undo_can_redo (history));
  g_assert_null (tenure_undo_get_redo_label (history));
  g_assert_cmpuint (steps_alive, ==, 2);

  /* Edits, undos and redos each told the editor once, with their step. */
  g_assert_cmpuint (editor->changed_keys->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (editor->changed_keys, 2), ==, "size");
  g_assert_cmpstr (g_ptr_array_index (editor->changed_keys, 3), ==, "colour");
  g_assert_cmpstr (g_ptr_array_index (editor->changed_keys, 7), ==, "shape");

  tenure_undo_clear (history);
  g_assert_false (tenure_undo_can_undo (history));
  g_assert_cmpuint (steps_alive, ==, 0);
  assert_setting (fixture, "shape", "round");
}

/* Only the newest 3 steps (the fixture's limit) are kept. */
static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  TenureUndo *history = fixture->editor->history;
  g_autoptr(GError) error = NULL;

  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *label = g_strdup_printf ("Step %d", i);
      g_autofree char *text = g_strdup_printf ("%d", i);

      g_assert_true (edit (fixture, label, "count", text, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (steps_alive, ==, 3);
  g_assert_cmpstr (tenure_undo_get_undo_label (history), ==, "Step 5");

  for (int i = 0; i < 3; i++)
    g_assert_true (tenure_undo_undo (history, &error));
  g_assert_no_error (error);
  assert_setting (fixture, "count", "2");
  g_assert_false (tenure_undo_undo (history, &error));
  g_assert_error (error, test_error_quark (), TEST_ERROR_NOTHING);
}

/* Steps merge until the history is sealed; an undo or a redo seals it too. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  TestEditor *editor = fixture->editor;
  TenureUndo *history = editor->history;
  g_autoptr(GError) error = NULL;

  g_assert_true (edit (fixture, "Type name", "name", "A", &error));
  g_assert_true (edit (fixture, "Type name", "name", "Ac", &error));
  g_assert_true (edit (fixture, "Type name", "name", "Acme", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steps_alive, ==, 1);
  /* A merged edit still tells the editor. */
  g_assert_cmpuint (editor->changed_keys->len, ==, 3);

  /* One undo takes the three back; the redo seals. */
  g_assert_true (tenure_undo_undo (history, &error));
  assert_setting (fixture, "name", "(none)");
  g_assert_true (tenure_undo_redo (history, &error));
  g_assert_true (edit (fixture, "Type name", "name", "Acme Inc", &error));
  g_assert_cmpuint (steps_alive, ==, 2);
  g_assert_true (edit (fixture, "Type name", "name", "Acme Inc.", &error));
  g_assert_cmpuint (steps_alive, ==, 2);
  tenure_undo_seal (history);
  g_assert_true (edit (fixture, "Type name", "name", "Acme Inc", &error));
  g_assert_cmpuint (steps_alive, ==, 3);
  g_assert_no_error (error);

  g_assert_true (tenure_undo_undo (history, &error));
  assert_setting (fixture, "name", "Acme Inc.");
  g_assert_true (tenure_undo_undo (history, &error));
  assert_setting (fixture, "name", "Acme");
  g_assert_true (tenure_undo_undo (history, &error));
  g_assert_no_error (error);
  assert_setting (fixture, "name", "(none)");

  /* Nothing merges into a step while there is something to redo. */
  g_assert_true (tenure_undo_redo (history, &error));
  g_assert_true (tenure_undo_undo (history, &error));
  g_assert_true (edit (fixture, "Type name", "name", "Other", &error));
  g_assert_cmpuint (steps_alive, ==, 1);
  g_assert_false (tenure_undo_can_redo (history));
}

/* The workspace changed behind the history: undo changes nothing and forgets it all. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  TestEditor *editor = fixture->editor;
  TenureUndo *history = editor->history;
  g_autoptr(GError) error = NULL;

  g_assert_true (edit (fixture, "Set colour", "colour", "blue", &error));
  g_assert_true (edit (fixture, "Set size", "size", "12", &error));
  g_assert_true (tenure_undo_undo (history, &error));
  g_assert_true (tenure_db_set_setting (fixture->db, "colour", "green", &error));
  g_assert_no_error (error);

  g_assert_false (tenure_undo_undo (history, &error));
  g_assert_error (error, test_error_quark (), TEST_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_setting (fixture, "colour", "green");
  g_assert_false (tenure_undo_can_undo (history));
  g_assert_false (tenure_undo_can_redo (history));
  g_assert_cmpuint (editor->can_undo_notified, ==, 2);
  g_assert_cmpuint (editor->can_redo_notified, ==, 2);
  g_assert_cmpuint (steps_alive, ==, 0);
}

/* A step that cannot be written is not recorded, and writes nothing; any other error of
 * undo keeps the history (it may work next time). */
static void
test_failed_step (Fixture       *fixture,
                  gconstpointer  data)
{
  TenureUndo *history = fixture->editor->history;
  g_autoptr(GError) error = NULL;

  g_assert_true (tenure_undo_begin (history, &error));
  g_assert_true (tenure_db_set_setting (fixture->db, "size", "10", &error));
  g_assert_false (tenure_undo_apply_and_push (history, "Refuse", step_new ("colour", NULL, "refused"),
                                              &error));
  g_assert_error (error, test_error_quark (), TEST_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (tenure_undo_can_undo (history));
  g_assert_cmpuint (steps_alive, ==, 0);
  assert_setting (fixture, "size", "(none)");

  g_assert_true (tenure_undo_begin (history, &error));
  g_assert_true (tenure_undo_apply_and_push (history, "Set colour",
                                             step_new ("colour", NULL, "blue"), &error));
  g_assert_true (tenure_undo_begin (history, &error));
  g_assert_false (tenure_undo_apply_and_push (history, "Clear colour",
                                              step_new ("colour", "blue", "refused"), &error));
  g_clear_error (&error);
  assert_setting (fixture, "colour", "blue");
  g_assert_cmpstr (tenure_undo_get_undo_label (history), ==, "Set colour");
}

/* Another program holds the workspace's write lock: edits, undo and redo fail with a busy
 * error, write nothing and keep the history; they work once the lock is gone. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  TenureUndo *history = fixture->editor->history;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_assert_true (edit (fixture, "Set colour", "colour", "blue", &error));
  g_assert_no_error (error);
  sqlite3_busy_timeout (tenure_db_get_handle (fixture->db), 50);
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (edit (fixture, "Set size", "size", "12", &error));
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (tenure_undo_undo (history, &error));
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpstr (tenure_undo_get_undo_label (history), ==, "Set colour");
  g_assert_false (tenure_undo_can_redo (history));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_true (tenure_undo_undo (history, &error));
  g_assert_no_error (error);
  assert_setting (fixture, "colour", "(none)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, funcs, func) \
  g_test_add (path, Fixture, funcs, fixture_setup, func, fixture_teardown)
  ADD ("/undo/undo-redo", &plain_funcs, test_undo_redo);
  ADD ("/undo/limit", &plain_funcs, test_limit);
  ADD ("/undo/merge", &merging_funcs, test_merge);
  ADD ("/undo/conflict", &plain_funcs, test_conflict);
  ADD ("/undo/failed-step", &plain_funcs, test_failed_step);
  ADD ("/undo/locked", &plain_funcs, test_locked);
#undef ADD

  return g_test_run ();
}
