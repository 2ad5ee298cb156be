/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scenario designer's model: edits saved at once, each undoable and redoable. */

#define G_LOG_DOMAIN "tenure-scenario-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-scenario-private.h"
#include "tenure-undo.h"

/* Each operation is recorded as two snapshots of the scenario it touched
 * (tenure-scenario-snapshot.c), taken inside its transaction: undo writes the "before" one
 * back, redo the "after" one. The history itself is tenure-undo.c's. */

/* Undo steps kept; a deleted scenario's step keeps all its enrolments, so the history is
 * bounded. */
#define MAX_HISTORY 200

/* Consecutive edits of the same text field of the same object make one undo step. */
typedef enum
{
  MERGE_NONE,
  MERGE_NAME,
  MERGE_DESCRIPTION,
  MERGE_SEGMENT,
  MERGE_STEP_TITLE,
  MERGE_STEP_BODY,
  MERGE_STEP_DAY,
} MergeField;

typedef struct
{
  GArray                 *created_jobs;  /* jobs the operation created */
  TenureScenarioSnapshot *before;
  TenureScenarioSnapshot *after;
  MergeField              merge_field;
  gint64                  merge_object;
  GArray                 *enrolled;      /* TenureEnrolment the operation made */
} Record;

struct _TenureScenarioEditor
{
  GObject     parent_instance;

  TenureDb   *db;
  TenureUndo *history;
  gint64      job_watermark;  /* the highest job id when the operation began */
  GArray     *enrolled;       /* the enrolments the operation made, for its record */
};

G_DEFINE_FINAL_TYPE (TenureScenarioEditor, tenure_scenario_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Records */

static void
record_free (Record *record)
{
  g_clear_pointer (&record->created_jobs, g_array_unref);
  g_clear_pointer (&record->enrolled, g_array_unref);
  tenure_scenario_snapshot_free (record->before);
  tenure_scenario_snapshot_free (record->after);
  g_free (record);
}

/* Undo writes the "before" snapshot back and removes the jobs the operation created; redo
 * puts the jobs back and writes the "after" snapshot. */
static gboolean
record_apply (TenureDb  *db,
              gpointer   data,
              gboolean   forward,
              GError   **error)
{
  Record *record = data;
  gint64 scenario_id = tenure_scenario_snapshot_get_scenario_id (record->after);

  /* The enrolments an operation made are taken back and made again with it. */
  if (forward)
    return tenure_scenario_jobs_insert (db, record->created_jobs, error) &&
           tenure_scenario_snapshot_restore (db, record->after, error) &&
           (record->enrolled == NULL ||
            tenure_scenario_add_enrolments (db, scenario_id, record->enrolled, error));

  return tenure_scenario_snapshot_restore (db, record->before, error) &&
         (record->enrolled == NULL ||
          tenure_scenario_remove_enrolments (db, scenario_id, record->enrolled, error)) &&
         tenure_scenario_jobs_delete (db, record->created_jobs, error);
}

static gboolean
record_merge (gpointer newest_data,
              gpointer data)
{
  Record *newest = newest_data;
  Record *record = data;

  if (record->merge_field == MERGE_NONE || record->enrolled != NULL ||
      newest->merge_field != record->merge_field ||
      newest->merge_object != record->merge_object || record->created_jobs->len > 0)
    return FALSE;

  tenure_scenario_snapshot_free (newest->after);
  newest->after = g_steal_pointer (&record->after);
  return TRUE;
}

static void
record_changed (GObject  *owner,
                gpointer  data)
{
  Record *record = data;

  g_signal_emit (owner, signals [CHANGED], 0,
                 tenure_scenario_snapshot_get_scenario_id (record->before));
}

static const TenureUndoFuncs record_funcs = {
  .apply = record_apply,
  .free = (GDestroyNotify) record_free,
  .merge = record_merge,
  .changed = record_changed,
  .error_quark = tenure_scenario_error_quark,
  .nothing_code = TENURE_SCENARIO_ERROR_NOTHING_TO_UNDO,
  .conflict_code = -1,
};

/* Starts an operation on @scenario_id (0 for a new scenario): opens its transaction and
 * takes the "before" snapshot. */
static gboolean
op_begin (TenureScenarioEditor    *self,
          gint64                   scenario_id,
          gint64                   progress,
          TenureScenarioSnapshot **before,
          GError                 **error)
{
  *before = NULL;

  if (!tenure_undo_begin (self->history, error))
    return FALSE;

  if (!tenure_db_query_int_checked (self->db, "SELECT coalesce(max(id), 0) FROM job",
                                    &self->job_watermark, error))
    return tenure_undo_abort (self->history);
  if (scenario_id > 0)
    {
      *before = tenure_scenario_snapshot_take (self->db, scenario_id, progress, error);
      if (*before == NULL)
        return tenure_undo_abort (self->history);
    }

  return TRUE;
}

/* Ends an operation: on success takes the "after" snapshot, commits and records it. */
static gboolean
op_end (TenureScenarioEditor    *self,
        gboolean                 ok,
        gint64                   scenario_id,
        TenureScenarioSnapshot  *before,
        const char              *label,
        MergeField               merge_field,
        gint64                   merge_object,
        GError                 **error)
{
  g_autoptr(TenureScenarioSnapshot) owned_before = before;
  g_autoptr(TenureScenarioSnapshot) after = NULL;
  g_autoptr(GArray) created_jobs = NULL;
  Record *record;

  if (ok)
    {
      gint64 progress = owned_before != NULL
                        ? tenure_scenario_snapshot_get_progress (owned_before)
                        : TENURE_SCENARIO_PROGRESS_NONE;

      after = tenure_scenario_snapshot_take (self->db, scenario_id, progress, error);
      created_jobs = after != NULL
                     ? tenure_scenario_jobs_created_since (self->db, self->job_watermark, error)
                     : NULL;
      ok = created_jobs != NULL;
    }
  if (!ok)
    {
      g_clear_pointer (&self->enrolled, g_array_unref);
      return tenure_undo_abort (self->history);
    }

  record = g_new0 (Record, 1);
  record->created_jobs = g_steal_pointer (&created_jobs);
  record->before = owned_before != NULL ? g_steal_pointer (&owned_before)
                                        : tenure_scenario_snapshot_new_absent (scenario_id);
  record->after = g_steal_pointer (&after);
  record->merge_field = merge_field;
  record->merge_object = merge_object;
  record->enrolled = g_steal_pointer (&self->enrolled);

  return tenure_undo_push (self->history, label, record, error);
}

static gint64
step_scenario (TenureScenarioEditor  *self,
               gint64                 step_id,
               GError               **error)
{
  gint64 scenario_id = tenure_scenario_get_step_scenario (self->db, step_id);

  if (scenario_id == 0)
    g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND,
                         _("This step no longer exists: it may have been deleted"));

  return scenario_id;
}

/* GObject */

static void
tenure_scenario_editor_finalize (GObject *object)
{
  TenureScenarioEditor *self = (TenureScenarioEditor *) object;

  g_clear_pointer (&self->history, tenure_undo_free);
  g_clear_pointer (&self->enrolled, g_array_unref);

  G_OBJECT_CLASS (tenure_scenario_editor_parent_class)->finalize (object);
}

static void
tenure_scenario_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  tenure_undo_get_property (TENURE_SCENARIO_EDITOR (object)->history, prop_id, value, pspec);
}

static void
tenure_scenario_editor_class_init (TenureScenarioEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenure_scenario_editor_finalize;
  object_class->get_property = tenure_scenario_editor_get_property;

  tenure_undo_install_properties (object_class);

  /**
   * TenureScenarioEditor::changed:
   * @scenario_id: the scenario that changed (it may no longer exist)
   *
   * Emitted after an operation, an undo or a redo has been saved.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
tenure_scenario_editor_init (TenureScenarioEditor *self)
{
}

/* Public API */

/**
 * tenure_scenario_editor_new:
 * @db: the workspace; it must stay open as long as the editor lives
 */
TenureScenarioEditor *
tenure_scenario_editor_new (TenureDb *db)
{
  TenureScenarioEditor *self;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (TENURE_TYPE_SCENARIO_EDITOR, NULL);
  self->db = db;
  self->history = tenure_undo_new (&record_funcs, G_OBJECT (self), db, MAX_HISTORY);
  return self;
}

TenureDb *
tenure_scenario_editor_get_db (TenureScenarioEditor *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), NULL);

  return self->db;
}

gboolean
tenure_scenario_editor_can_undo (TenureScenarioEditor *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return tenure_undo_can_undo (self->history);
}

gboolean
tenure_scenario_editor_can_redo (TenureScenarioEditor *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return tenure_undo_can_redo (self->history);
}

/* What undo would undo, translated ("Rename scenario"), or NULL. */
const char *
tenure_scenario_editor_get_undo_label (TenureScenarioEditor *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), NULL);

  return tenure_undo_get_undo_label (self->history);
}

const char *
tenure_scenario_editor_get_redo_label (TenureScenarioEditor *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), NULL);

  return tenure_undo_get_redo_label (self->history);
}

gboolean
tenure_scenario_editor_undo (TenureScenarioEditor  *self,
                             GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return tenure_undo_undo (self->history, error);
}

gboolean
tenure_scenario_editor_redo (TenureScenarioEditor  *self,
                             GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return tenure_undo_redo (self->history, error);
}

/* Forgets the history, for example when another workspace is opened. */
void
tenure_scenario_editor_clear_history (TenureScenarioEditor *self)
{
  g_return_if_fail (TENURE_IS_SCENARIO_EDITOR (self));

  tenure_undo_clear (self->history);
}

/**
 * tenure_scenario_editor_seal:
 *
 * Ends the current run of typing: consecutive changes of the same text field (a name, a
 * title, a body…) are one undo step until this is called, typically when the entry
 * loses the focus.
 */
void
tenure_scenario_editor_seal (TenureScenarioEditor *self)
{
  g_return_if_fail (TENURE_IS_SCENARIO_EDITOR (self));

  tenure_undo_seal (self->history);
}

/* Most operations share their shape: snapshot the scenario, change one object, record. */
typedef gboolean (*EditFunc) (TenureDb *db, gint64 id, gconstpointer value, GError **error);

static gboolean
run_operation (TenureScenarioEditor  *self,
               gint64                 scenario_id,
               gint64                 progress,
               EditFunc               func,
               gint64                 object_id,
               gconstpointer          value,
               const char            *label,
               MergeField             merge_field,
               GError               **error)
{
  TenureScenarioSnapshot *before;
  gboolean ok;

  if (!op_begin (self, scenario_id, progress, &before, error))
    return FALSE;
  ok = func (self->db, object_id, value, error);

  return op_end (self, ok, scenario_id, before, label, merge_field, object_id, error);
}

/* The operations that make a scenario: @func returns its id. */
typedef gint64 (*CreateFunc) (TenureDb *db, gconstpointer value, GError **error);

static gint64
run_creation (TenureScenarioEditor  *self,
              CreateFunc             func,
              gconstpointer          value,
              const char            *label,
              GError               **error)
{
  TenureScenarioSnapshot *before;
  gint64 id;

  if (!op_begin (self, 0, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return 0;
  id = func (self->db, value, error);

  return op_end (self, id != 0, id, before, label, MERGE_NONE, 0, error) ? id : 0;
}

static gint64
create_func (TenureDb *db, gconstpointer value, GError **error)
{
  return tenure_scenario_create (db, value, error);
}

static gint64
create_from_template_func (TenureDb *db, gconstpointer value, GError **error)
{
  return tenure_scenario_create_from_template (db, value, error);
}

static gint64
duplicate_func (TenureDb *db, gconstpointer value, GError **error)
{
  return tenure_scenario_duplicate (db, *(const gint64 *) value, error);
}

static gboolean
delete_func (TenureDb *db, gint64 scenario_id, gconstpointer value, GError **error)
{
  return tenure_scenario_delete (db, scenario_id, error);
}

static gboolean
rename_func (TenureDb *db, gint64 scenario_id, gconstpointer value, GError **error)
{
  return tenure_scenario_rename (db, scenario_id, value, error);
}

static gboolean
description_func (TenureDb *db, gint64 scenario_id, gconstpointer value, GError **error)
{
  return tenure_scenario_set_description (db, scenario_id, value, error);
}

static gboolean
job_func (TenureDb *db, gint64 scenario_id, gconstpointer value, GError **error)
{
  return tenure_scenario_set_job (db, scenario_id, *(const gint64 *) value, error);
}

static gboolean
active_func (TenureDb *db, gint64 scenario_id, gconstpointer value, GError **error)
{
  return tenure_scenario_set_active (db, scenario_id, *(const gboolean *) value, error);
}

static gboolean
segment_func (TenureDb *db, gint64 scenario_id, gconstpointer value, GError **error)
{
  return tenure_scenario_set_auto_enrol_segment (db, scenario_id, value, error);
}

gint64
tenure_scenario_editor_create (TenureScenarioEditor  *self,
                               const char            *name,
                               GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), 0);

  return run_creation (self, create_func, name, _("Create scenario"), error);
}

gint64
tenure_scenario_editor_create_from_template (TenureScenarioEditor  *self,
                                             const char            *template_id,
                                             GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), 0);

  return run_creation (self, create_from_template_func, template_id,
                       _("Create scenario from template"), error);
}

gint64
tenure_scenario_editor_duplicate (TenureScenarioEditor  *self,
                                  gint64                 scenario_id,
                                  GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), 0);

  return run_creation (self, duplicate_func, &scenario_id, _("Duplicate scenario"), error);
}

gboolean
tenure_scenario_editor_delete (TenureScenarioEditor  *self,
                               gint64                 scenario_id,
                               GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return run_operation (self, scenario_id, TENURE_SCENARIO_PROGRESS_ALL, delete_func,
                        scenario_id, NULL, _("Delete scenario"), MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_rename (TenureScenarioEditor  *self,
                               gint64                 scenario_id,
                               const char            *name,
                               GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return run_operation (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, rename_func,
                        scenario_id, name, _("Rename scenario"), MERGE_NAME, error);
}

gboolean
tenure_scenario_editor_set_description (TenureScenarioEditor  *self,
                                        gint64                 scenario_id,
                                        const char            *description,
                                        GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return run_operation (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, description_func,
                        scenario_id, description, _("Change description"), MERGE_DESCRIPTION,
                        error);
}

gboolean
tenure_scenario_editor_set_job (TenureScenarioEditor  *self,
                                gint64                 scenario_id,
                                gint64                 job_id,
                                GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return run_operation (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, job_func,
                        scenario_id, &job_id, _("Change job"), MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_set_active (TenureScenarioEditor  *self,
                                   gint64                 scenario_id,
                                   gboolean               active,
                                   GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return run_operation (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, active_func,
                        scenario_id, &active,
                        active ? _("Activate scenario") : _("Deactivate scenario"), MERGE_NONE,
                        error);
}

gboolean
tenure_scenario_editor_set_auto_enrol_segment (TenureScenarioEditor  *self,
                                               gint64                 scenario_id,
                                               const char            *segment,
                                               GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return run_operation (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, segment_func,
                        scenario_id, segment, _("Change automatic enrolment"), MERGE_SEGMENT,
                        error);
}

gint64
tenure_scenario_editor_add_step (TenureScenarioEditor  *self,
                                 gint64                 scenario_id,
                                 int                    position,
                                 TenureStepKind         kind,
                                 const char            *title,
                                 GError               **error)
{
  TenureScenarioSnapshot *before;
  gint64 id;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), 0);

  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return 0;
  id = tenure_scenario_add_step (self->db, scenario_id, position, kind, title, error);

  return op_end (self, id != 0, scenario_id, before, _("Add step"), MERGE_NONE, 0, error)
         ? id : 0;
}

/* The step operations also find the step's scenario first. */
static gboolean
step_operation (TenureScenarioEditor  *self,
                gint64                 step_id,
                gboolean               keep_progress,
                EditFunc               func,
                gconstpointer          value,
                const char            *label,
                MergeField             merge_field,
                GError               **error)
{
  gint64 scenario_id;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  scenario_id = step_scenario (self, step_id, error);
  if (scenario_id == 0)
    return FALSE;

  return run_operation (self, scenario_id,
                        keep_progress ? step_id : TENURE_SCENARIO_PROGRESS_NONE, func, step_id,
                        value, label, merge_field, error);
}

static gboolean
delete_step_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_scenario_delete_step (db, step_id, error);
}

static gboolean
move_step_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_scenario_move_step (db, step_id, *(const int *) value, error);
}

static gboolean
kind_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_kind (db, step_id, *(const TenureStepKind *) value, error);
}

static gboolean
title_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_title (db, step_id, value, error);
}

static gboolean
body_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_body (db, step_id, value, error);
}

static gboolean
day_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_day_offset (db, step_id, *(const int *) value, error);
}

static gboolean
required_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_required (db, step_id, *(const gboolean *) value, error);
}

typedef struct
{
  const char *event_kind;
  gint64      job_id;
} DoneWhen;

static gboolean
done_when_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  const DoneWhen *rule = value;

  return tenure_step_set_done_when (db, step_id, rule->event_kind, rule->job_id, error);
}

gboolean
tenure_scenario_editor_delete_step (TenureScenarioEditor  *self,
                                    gint64                 step_id,
                                    GError               **error)
{
  return step_operation (self, step_id, TRUE, delete_step_func, NULL, _("Delete step"),
                         MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_move_step (TenureScenarioEditor  *self,
                                  gint64                 step_id,
                                  int                    position,
                                  GError               **error)
{
  return step_operation (self, step_id, FALSE, move_step_func, &position, _("Move step"),
                         MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_set_step_kind (TenureScenarioEditor  *self,
                                      gint64                 step_id,
                                      TenureStepKind         kind,
                                      GError               **error)
{
  return step_operation (self, step_id, FALSE, kind_func, &kind, _("Change step kind"),
                         MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_set_step_title (TenureScenarioEditor  *self,
                                       gint64                 step_id,
                                       const char            *title,
                                       GError               **error)
{
  return step_operation (self, step_id, FALSE, title_func, title, _("Change step title"),
                         MERGE_STEP_TITLE, error);
}

gboolean
tenure_scenario_editor_set_step_body (TenureScenarioEditor  *self,
                                      gint64                 step_id,
                                      const char            *body,
                                      GError               **error)
{
  return step_operation (self, step_id, FALSE, body_func, body, _("Change step text"),
                         MERGE_STEP_BODY, error);
}

gboolean
tenure_scenario_editor_set_step_day_offset (TenureScenarioEditor  *self,
                                            gint64                 step_id,
                                            int                    day_offset,
                                            GError               **error)
{
  return step_operation (self, step_id, FALSE, day_func, &day_offset, _("Change step day"),
                         MERGE_STEP_DAY, error);
}

gboolean
tenure_scenario_editor_set_step_required (TenureScenarioEditor  *self,
                                          gint64                 step_id,
                                          gboolean               required,
                                          GError               **error)
{
  return step_operation (self, step_id, FALSE, required_func, &required,
                         required ? _("Make step required") : _("Make step optional"),
                         MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_set_step_done_when (TenureScenarioEditor  *self,
                                           gint64                 step_id,
                                           const char            *event_kind,
                                           gint64                 job_id,
                                           GError               **error)
{
  DoneWhen rule = { event_kind, job_id };

  return step_operation (self, step_id, FALSE, done_when_func, &rule,
                         _("Change “done when”"), MERGE_NONE, error);
}

/**
 * tenure_scenario_editor_set_auto_enrolment:
 * @segment: (nullable): the segment whose new signups are enrolled, NULL for by hand
 * @since: the first signup day enrolled now (days since 1970-01-01)
 * @n_enrolled: (out) (optional): how many accounts were enrolled
 *
 * Sets the scenario's automatic enrolment and applies it at once
 * (tenure_scenario_enrol_segment()): one undo step that also takes the enrolments back.
 * Long on a large workspace: it may run in a worker thread as long as nothing else uses
 * the editor meanwhile; its signals are then emitted in that thread.
 */
gboolean
tenure_scenario_editor_set_auto_enrolment (TenureScenarioEditor  *self,
                                           gint64                 scenario_id,
                                           const char            *segment,
                                           gint32                 since,
                                           guint                 *n_enrolled,
                                           GError               **error)
{
  TenureScenarioSnapshot *before;
  gboolean ok;
  guint n = 0;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (n_enrolled != NULL)
    *n_enrolled = 0;
  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return FALSE;
  ok = tenure_scenario_set_auto_enrol_segment (self->db, scenario_id, segment, error);
  if (ok && segment != NULL)
    {
      self->enrolled = tenure_scenario_enrol_segment (self->db, scenario_id, since, error);
      ok = self->enrolled != NULL;
      n = ok ? self->enrolled->len : 0;
    }

  if (!op_end (self, ok, scenario_id, before,
               segment != NULL ? _("Enrol automatically") : _("Enrol by hand"),
               MERGE_NONE, 0, error))
    return FALSE;

  if (n_enrolled != NULL)
    *n_enrolled = n;
  return TRUE;
}

/**
 * tenure_scenario_editor_enrol_accounts:
 * @account_ids: (array length=n_account_ids): the accounts
 * @today: the start of an account without a signup day
 * @n_enrolled: (out) (optional): how many were enrolled (not those enrolled already)
 *
 * Enrols accounts by hand (tenure_scenario_enrol_accounts()), as one undo step. Like
 * tenure_scenario_editor_set_auto_enrolment(), it may run in a worker thread.
 */
gboolean
tenure_scenario_editor_enrol_accounts (TenureScenarioEditor  *self,
                                       gint64                 scenario_id,
                                       const gint64          *account_ids,
                                       guint                  n_account_ids,
                                       gint32                 today,
                                       guint                 *n_enrolled,
                                       GError               **error)
{
  TenureScenarioSnapshot *before;
  guint n;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (n_enrolled != NULL)
    *n_enrolled = 0;
  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return FALSE;
  self->enrolled = tenure_scenario_enrol_accounts (self->db, scenario_id, account_ids,
                                                   n_account_ids, today, error);
  n = self->enrolled != NULL ? self->enrolled->len : 0;
  if (!op_end (self, self->enrolled != NULL, scenario_id, before, _("Enrol accounts"),
               MERGE_NONE, 0, error))
    return FALSE;

  if (n_enrolled != NULL)
    *n_enrolled = n;
  return TRUE;
}
