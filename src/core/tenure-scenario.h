/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Job-based onboarding scenarios: steps, enrolments, completion, templates, sharing, undo. */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"

G_BEGIN_DECLS

#define TENURE_SCENARIO_ERROR (tenure_scenario_error_quark ())

typedef enum
{
  TENURE_SCENARIO_ERROR_NOT_FOUND,        /* the scenario, step, account or template is gone */
  TENURE_SCENARIO_ERROR_EMPTY_NAME,
  TENURE_SCENARIO_ERROR_NAME_TAKEN,
  TENURE_SCENARIO_ERROR_EMPTY_TITLE,
  TENURE_SCENARIO_ERROR_NEGATIVE_DAY,
  TENURE_SCENARIO_ERROR_NO_REQUIRED_STEP, /* an active scenario needs a required step */
  TENURE_SCENARIO_ERROR_UNKNOWN_JOB,
  TENURE_SCENARIO_ERROR_UNKNOWN_EVENT_KIND,
  TENURE_SCENARIO_ERROR_INVALID_FILE,     /* an import file that cannot be read or is wrong */
  TENURE_SCENARIO_ERROR_NOTHING_TO_UNDO,
  TENURE_SCENARIO_ERROR_TOO_LONG,         /* a name or title over TENURE_SCENARIO_MAX_CHARS */
} TenureScenarioError;

/* Names and step titles are read at a glance in lists and on the timeline. */
#define TENURE_SCENARIO_MAX_CHARS 200

typedef enum
{
  TENURE_STEP_CONTENT,
  TENURE_STEP_AUTOMATION,
  TENURE_STEP_TUTORIAL,
  TENURE_STEP_CHECKIN,
} TenureStepKind;

/* One step of a scenario. Positions run from 1, without gaps. */
typedef struct
{
  gint64          id;
  gint64          scenario_id;
  int             position;
  TenureStepKind  kind;
  char           *title;
  char           *body;
  int             day_offset;            /* days from the enrolment date */
  gboolean        required;
  char           *done_when_event_kind;  /* NULL: done only when marked (step_done) */
  gint64          done_when_job_id;      /* 0: any job, or no job */
} TenureStep;

typedef struct
{
  gint64      id;
  char       *name;
  gint64      job_id;                    /* 0: no target job */
  char       *job_name;                  /* NULL when job_id is 0 */
  char       *description;
  gboolean    active;
  char       *auto_enrol_segment;        /* NULL: no automatic enrolment */
  GPtrArray  *steps;                     /* TenureStep, by position */
} TenureScenario;

/* Kinds of step and of "done when" events. */
const char     *tenure_step_kind_to_string        (TenureStepKind   kind);
gboolean        tenure_step_kind_from_string      (const char      *text,
                                                   TenureStepKind  *kind);
const char     *tenure_step_kind_get_label        (TenureStepKind   kind);
gboolean        tenure_scenario_event_kind_is_valid (const char    *event_kind);

GQuark          tenure_scenario_error_quark       (void);

void            tenure_step_free                  (TenureStep      *step);
TenureStep     *tenure_step_copy                  (const TenureStep *step);
void            tenure_scenario_free              (TenureScenario  *scenario);

/* Reading. */
TenureScenario *tenure_scenario_load              (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   GError         **error);
GPtrArray      *tenure_scenario_load_all          (TenureDb        *db,
                                                   GError         **error);
gint64          tenure_scenario_find              (TenureDb        *db,
                                                   const char      *name);
gint64          tenure_scenario_find_job          (TenureDb        *db,
                                                   const char      *name);
gint64          tenure_scenario_ensure_job        (TenureDb        *db,
                                                   const char      *name,
                                                   const char      *description,
                                                   GError         **error);
char           *tenure_scenario_unique_name       (TenureDb        *db,
                                                   const char      *name);

/* The jobs of the workspace, for pickers. */
typedef struct
{
  gint64  id;
  char   *name;
} TenureScenarioJob;

void            tenure_scenario_job_free          (TenureScenarioJob *job);
GPtrArray      *tenure_scenario_list_jobs         (TenureDb        *db,
                                                   GError         **error);
GStrv           tenure_scenario_list_segments     (TenureDb        *db,
                                                   GError         **error);

/* Editing. Each call is one transaction of its own, or part of the caller's transaction
 * when one is open; on failure nothing is written (the caller rolls its own back). */
gint64          tenure_scenario_create            (TenureDb        *db,
                                                   const char      *name,
                                                   GError         **error);
gboolean        tenure_scenario_rename            (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   const char      *name,
                                                   GError         **error);
gboolean        tenure_scenario_set_description   (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   const char      *description,
                                                   GError         **error);
gboolean        tenure_scenario_set_job           (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   gint64           job_id,
                                                   GError         **error);
gboolean        tenure_scenario_set_active        (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   gboolean         active,
                                                   GError         **error);
gboolean        tenure_scenario_set_auto_enrol_segment (TenureDb   *db,
                                                   gint64           scenario_id,
                                                   const char      *segment,
                                                   GError         **error);
gint64          tenure_scenario_duplicate         (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   GError         **error);
gboolean        tenure_scenario_delete            (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   GError         **error);

gint64          tenure_scenario_add_step          (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   int              position,
                                                   TenureStepKind   kind,
                                                   const char      *title,
                                                   GError         **error);
gboolean        tenure_scenario_delete_step       (TenureDb        *db,
                                                   gint64           step_id,
                                                   GError         **error);
gboolean        tenure_scenario_move_step         (TenureDb        *db,
                                                   gint64           step_id,
                                                   int              position,
                                                   GError         **error);
gboolean        tenure_step_set_kind              (TenureDb        *db,
                                                   gint64           step_id,
                                                   TenureStepKind   kind,
                                                   GError         **error);
gboolean        tenure_step_set_title             (TenureDb        *db,
                                                   gint64           step_id,
                                                   const char      *title,
                                                   GError         **error);
gboolean        tenure_step_set_body              (TenureDb        *db,
                                                   gint64           step_id,
                                                   const char      *body,
                                                   GError         **error);
gboolean        tenure_step_set_day_offset        (TenureDb        *db,
                                                   gint64           step_id,
                                                   int              day_offset,
                                                   GError         **error);
gboolean        tenure_step_set_required          (TenureDb        *db,
                                                   gint64           step_id,
                                                   gboolean         required,
                                                   GError         **error);
gboolean        tenure_step_set_done_when         (TenureDb        *db,
                                                   gint64           step_id,
                                                   const char      *event_kind,
                                                   gint64           job_id,
                                                   GError         **error);

/* Enrolments and progress. Days are days since 1970-01-01 (tenure-date.h). */
gboolean        tenure_scenario_enrol             (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   gint64           account_id,
                                                   gint32           started_on,
                                                   GError         **error);
gboolean        tenure_scenario_unenrol           (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   gint64           account_id,
                                                   GError         **error);
gboolean        tenure_step_mark_done             (TenureDb        *db,
                                                   gint64           step_id,
                                                   gint64           account_id,
                                                   gint32           done_on,
                                                   GError         **error);
gboolean        tenure_step_clear_done            (TenureDb        *db,
                                                   gint64           step_id,
                                                   gint64           account_id,
                                                   GError         **error);
gboolean        tenure_scenario_apply_auto_enrolment (TenureDb     *db,
                                                   gint32           since,
                                                   guint           *n_enrolled,
                                                   GError         **error);

/* Enrolments made by a call, so that an editor can take them back (tenure-scenario-enrolment.c). */
typedef struct
{
  gint64  account_id;
  gint32  started_on;
} TenureEnrolment;

GArray         *tenure_scenario_enrol_segment     (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   gint32           since,
                                                   GError         **error);
GArray         *tenure_scenario_enrol_accounts    (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   const gint64    *account_ids,
                                                   guint            n_account_ids,
                                                   gint32           today,
                                                   GError         **error);
gboolean        tenure_scenario_remove_enrolments (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   const GArray    *enrolments,
                                                   GError         **error);
gboolean        tenure_scenario_add_enrolments    (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   const GArray    *enrolments,
                                                   GError         **error);

/* An account the manager can enrol by hand, for pickers. */
#define TENURE_SCENARIO_NO_DAY G_MININT32

typedef struct
{
  gint64    id;
  char     *external_id;
  char     *name;             /* NULL when the file gave none */
  char     *segment;          /* NULL when none */
  gint32    signup;           /* TENURE_SCENARIO_NO_DAY when unknown */
  gboolean  enrolled;         /* in the scenario asked about */
} TenureScenarioAccount;

void            tenure_scenario_account_free      (TenureScenarioAccount *account);
GPtrArray      *tenure_scenario_find_accounts     (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   const char      *search,
                                                   guint            limit,
                                                   GError         **error);

/* Templates (tenure-scenario-templates.c). */
typedef struct
{
  TenureStepKind  kind;
  const char     *title;          /* N_() */
  const char     *body;           /* N_() */
  int             day_offset;
  gboolean        required;
  const char     *done_when_event_kind;
  gboolean        done_when_target_job;  /* the "done when" job is the template's job */
} TenureScenarioTemplateStep;

typedef struct
{
  const char                       *id;
  const char                       *name;         /* N_() */
  const char                       *job_name;     /* as in the seeds, not translated */
  const char                       *description;  /* N_() */
  const TenureScenarioTemplateStep *steps;
  guint                             n_steps;
} TenureScenarioTemplate;

const TenureScenarioTemplate *tenure_scenario_get_templates (guint *n_templates);
gint64          tenure_scenario_create_from_template (TenureDb     *db,
                                                   const char      *template_id,
                                                   GError         **error);

/* Sharing as JSON files (tenure-scenario-json.c). */
gboolean        tenure_scenario_export_file       (TenureDb        *db,
                                                   gint64           scenario_id,
                                                   const char      *path,
                                                   GError         **error);
gint64          tenure_scenario_import_file       (TenureDb        *db,
                                                   const char      *path,
                                                   GError         **error);

/* Figures of a month (tenure-scenario-funnel.c). Undefined figures are NAN. */
typedef struct
{
  gint64          step_id;
  int             position;
  char           *title;
  TenureStepKind  kind;
  gboolean        required;
  int             day_offset;
  guint           done;           /* enrolments of the window that did it */
  double          done_pct;       /* NAN when no enrolments */
  double          median_days;    /* NAN when nobody did it */
} TenureStepStats;

typedef struct
{
  gint64      scenario_id;
  char       *name;
  char       *job_name;           /* NULL when none */
  gboolean    active;
  guint       enrolments;         /* started in the 3 months ending M */
  guint       completed;
  double      completion_pct;     /* NAN when no enrolments */
  GArray     *steps;              /* TenureStepStats, by position */
  guint       retention12_completed_base;
  guint       retention12_completed;
  double      retention12_completed_pct;  /* NAN when the base is empty */
  guint       retention12_others_base;
  guint       retention12_others;
  double      retention12_others_pct;
} TenureScenarioStats;

void            tenure_scenario_stats_free        (TenureScenarioStats *stats);
TenureScenarioStats *tenure_scenario_compute_stats (TenureDb       *db,
                                                   gint64           scenario_id,
                                                   int              month,
                                                   GError         **error);
GPtrArray      *tenure_scenario_compute_all_stats (TenureDb        *db,
                                                   int              month,
                                                   GCancellable    *cancellable,
                                                   GError         **error);

/* The editor the GUI designer uses: every operation is saved at once, in its own
 * transaction, and can be undone and redone (tenure-scenario-editor.c). */
#define TENURE_TYPE_SCENARIO_EDITOR (tenure_scenario_editor_get_type ())
G_DECLARE_FINAL_TYPE (TenureScenarioEditor, tenure_scenario_editor,
                      TENURE, SCENARIO_EDITOR, GObject)

TenureScenarioEditor *tenure_scenario_editor_new  (TenureDb        *db);
TenureDb       *tenure_scenario_editor_get_db     (TenureScenarioEditor *self);
gboolean        tenure_scenario_editor_can_undo   (TenureScenarioEditor *self);
gboolean        tenure_scenario_editor_can_redo   (TenureScenarioEditor *self);
const char     *tenure_scenario_editor_get_undo_label (TenureScenarioEditor *self);
const char     *tenure_scenario_editor_get_redo_label (TenureScenarioEditor *self);
gboolean        tenure_scenario_editor_undo       (TenureScenarioEditor *self,
                                                   GError         **error);
gboolean        tenure_scenario_editor_redo       (TenureScenarioEditor *self,
                                                   GError         **error);
void            tenure_scenario_editor_clear_history (TenureScenarioEditor *self);
void            tenure_scenario_editor_seal       (TenureScenarioEditor *self);

gint64          tenure_scenario_editor_create     (TenureScenarioEditor *self,
                                                   const char      *name,
                                                   GError         **error);
gint64          tenure_scenario_editor_create_from_template (TenureScenarioEditor *self,
                                                   const char      *template_id,
                                                   GError         **error);
gboolean        tenure_scenario_editor_rename     (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   const char      *name,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_description (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   const char      *description,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_job    (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   gint64           job_id,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_active (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   gboolean         active,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_auto_enrol_segment (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   const char      *segment,
                                                   GError         **error);
gint64          tenure_scenario_editor_duplicate  (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   GError         **error);
gboolean        tenure_scenario_editor_delete     (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   GError         **error);
gint64          tenure_scenario_editor_add_step   (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   int              position,
                                                   TenureStepKind   kind,
                                                   const char      *title,
                                                   GError         **error);
gboolean        tenure_scenario_editor_delete_step (TenureScenarioEditor *self,
                                                   gint64           step_id,
                                                   GError         **error);
gboolean        tenure_scenario_editor_move_step  (TenureScenarioEditor *self,
                                                   gint64           step_id,
                                                   int              position,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_step_kind (TenureScenarioEditor *self,
                                                   gint64           step_id,
                                                   TenureStepKind   kind,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_step_title (TenureScenarioEditor *self,
                                                   gint64           step_id,
                                                   const char      *title,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_step_body (TenureScenarioEditor *self,
                                                   gint64           step_id,
                                                   const char      *body,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_step_day_offset (TenureScenarioEditor *self,
                                                   gint64           step_id,
                                                   int              day_offset,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_step_required (TenureScenarioEditor *self,
                                                   gint64           step_id,
                                                   gboolean         required,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_step_done_when (TenureScenarioEditor *self,
                                                   gint64           step_id,
                                                   const char      *event_kind,
                                                   gint64           job_id,
                                                   GError         **error);
gboolean        tenure_scenario_editor_set_auto_enrolment (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   const char      *segment,
                                                   gint32           since,
                                                   guint           *n_enrolled,
                                                   GError         **error);
gboolean        tenure_scenario_editor_enrol_accounts (TenureScenarioEditor *self,
                                                   gint64           scenario_id,
                                                   const gint64    *account_ids,
                                                   guint            n_account_ids,
                                                   gint32           today,
                                                   guint           *n_enrolled,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureStep, tenure_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureScenario, tenure_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureScenarioStats, tenure_scenario_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureScenarioAccount, tenure_scenario_account_free)

G_END_DECLS
