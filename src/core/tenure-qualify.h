/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Qualification questions: the editor with undo, scores, the audit and the threshold simulation. */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"
#include "tenure-progress.h"

G_BEGIN_DECLS

#define TENURE_QUALIFY_ERROR (tenure_qualify_error_quark ())

typedef enum
{
  TENURE_QUALIFY_ERROR_INVALID,     /* an edit that breaks a rule (empty text, points out of range…) */
  TENURE_QUALIFY_ERROR_NOT_FOUND,   /* the question or option no longer exists */
  TENURE_QUALIFY_ERROR_CONFLICT,    /* the workspace changed under the undo history */
  TENURE_QUALIFY_ERROR_FILE,        /* a questions file that cannot be read or is not valid */
} TenureQualifyError;

/* Points of one option, inclusive bounds. */
#define TENURE_QUALIFY_POINTS_MIN (-100)
#define TENURE_QUALIFY_POINTS_MAX 100

/* Bounds of the suggested points, and the fewest answers (top + bottom group) an option
 * needs before the audit suggests anything for it. */
#define TENURE_QUALIFY_SUGGESTION_MIN (-5)
#define TENURE_QUALIFY_SUGGESTION_MAX 10
#define TENURE_QUALIFY_SUGGESTION_MIN_ANSWERS 5

/* The workspace setting holding the threshold the manager picked (an integer score). */
#define TENURE_QUALIFY_THRESHOLD_KEY "qualification_threshold"

typedef enum
{
  TENURE_QUESTION_SINGLE,
  TENURE_QUESTION_MULTIPLE,
} TenureQuestionKind;

GQuark              tenure_qualify_error_quark       (void);
const char         *tenure_question_kind_to_string   (TenureQuestionKind  kind);
gboolean            tenure_question_kind_from_string (const char         *text,
                                                      TenureQuestionKind *kind);

/* The questions as they are stored, for editors and lists. */

typedef struct
{
  gint64  id;
  int     position;
  char   *text;
  int     points;
  gint64  answers;      /* accounts that chose this option */
} TenureOption;

typedef struct
{
  gint64              id;
  int                 position;
  char               *text;
  TenureQuestionKind  kind;
  gboolean            active;
  gint64              answers;   /* accounts that answered this question */
  GPtrArray          *options;   /* TenureOption, by position */
} TenureQuestion;

void                tenure_question_free             (TenureQuestion     *question);

/* Every question by position, with its options and answer counts. */
GPtrArray          *tenure_qualify_list_questions    (TenureDb           *db,
                                                      GError            **error);

/* Qualification score of every account with at least one answer, by account id. */
typedef struct
{
  gint64  account_id;
  int     score;
} TenureAccountScore;

GArray             *tenure_qualify_scores            (TenureDb           *db,
                                                      GError            **error);

/* The threshold picked by the manager (workspace setting), for the report. */
gboolean            tenure_qualify_get_threshold     (TenureDb           *db,
                                                      int                *threshold);
gboolean            tenure_qualify_set_threshold     (TenureDb           *db,
                                                      gboolean            has_threshold,
                                                      int                 threshold,
                                                      GError            **error);

/* The audit of METRICS.md section 8. Undefined figures have their has_ flag unset;
 * never print the value then ("—" on screen, null in JSON). */

typedef struct
{
  gint64    option_id;
  char     *text;
  int       points;
  guint     top_count;          /* accounts of the top group that chose it */
  guint     bottom_count;       /* accounts of the bottom group that chose it */
  double    share_top_pct;
  double    share_bottom_pct;
  double    lift;
  int       suggested_points;
  gboolean  has_shares;         /* FALSE when the population is empty */
  gboolean  has_lift;           /* FALSE when share_bottom is 0 */
  gboolean  has_suggestion;
} TenureAuditOption;

typedef struct
{
  gint64              question_id;
  char               *text;
  TenureQuestionKind  kind;
  gboolean            active;
  GArray             *options;  /* TenureAuditOption, by position */
} TenureAuditQuestion;

typedef struct
{
  int       threshold;
  guint     kept;                   /* accounts with score >= threshold */
  double    kept_pct;
  double    retention12_kept_pct;
  double    retention12_all_pct;
  gint64    mrr_rejected_cents;     /* MRR at the audit month of the accounts below */
  gboolean  has_kept_pct;
  gboolean  has_retention12_kept;
  gboolean  has_retention12_all;
} TenureThresholdRow;

typedef enum
{
  TENURE_AUDIT_GROUP_NONE   = 0,
  TENURE_AUDIT_GROUP_TOP    = 1 << 0,
  TENURE_AUDIT_GROUP_BOTTOM = 1 << 1,
} TenureAuditGroup;

/* One account of the population, in the audit's sort order. */
typedef struct
{
  gint64            account_id;
  char             *external_id;
  int               score;
  int               cohort;          /* a TENURE_MONTH () */
  int               months_paid;     /* months with MRR > 0 up to the audit month */
  gint64            mrr_cents;       /* MRR at the audit month */
  int               retained12;      /* MRR > 0 at cohort + 12: 1 or 0; -1 when the cohort is
                                      * less than 12 months before the audit month */
  TenureAuditGroup  group;
} TenureAuditAccount;

typedef struct
{
  int         month;         /* a TENURE_MONTH () */
  guint       population;
  guint       group_size;
  GPtrArray  *questions;     /* TenureAuditQuestion, every question by position */
  GArray     *thresholds;    /* TenureThresholdRow, one per distinct score, ascending */
  GArray     *accounts;      /* TenureAuditAccount, best-retained first */
} TenureAudit;

TenureAudit        *tenure_audit_compute             (TenureDb           *db,
                                                      int                 month,
                                                      TenureProgressFunc  progress,
                                                      gpointer            user_data,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
void                tenure_audit_compute_async       (const char         *workspace_path,
                                                      int                 month,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
TenureAudit        *tenure_audit_compute_finish      (GAsyncResult       *result,
                                                      GError            **error);
void                tenure_audit_free                (TenureAudit        *audit);

/* The simulation for any threshold, in the audit's population. */
void                tenure_audit_simulate            (const TenureAudit  *audit,
                                                      int                 threshold,
                                                      TenureThresholdRow *row);

/* The editor: every edit is saved at once in its own transaction and can be undone. */

#define TENURE_TYPE_QUESTION_EDITOR (tenure_question_editor_get_type ())

G_DECLARE_FINAL_TYPE (TenureQuestionEditor, tenure_question_editor, TENURE, QUESTION_EDITOR, GObject)

TenureQuestionEditor *tenure_question_editor_new          (TenureDb             *db);
TenureDb           *tenure_question_editor_get_db         (TenureQuestionEditor *self);

gboolean            tenure_question_editor_can_undo       (TenureQuestionEditor *self);
gboolean            tenure_question_editor_can_redo       (TenureQuestionEditor *self);
const char         *tenure_question_editor_get_undo_label (TenureQuestionEditor *self);
const char         *tenure_question_editor_get_redo_label (TenureQuestionEditor *self);
gboolean            tenure_question_editor_undo           (TenureQuestionEditor *self,
                                                           GError              **error);
gboolean            tenure_question_editor_redo           (TenureQuestionEditor *self,
                                                           GError              **error);
void                tenure_question_editor_clear_history  (TenureQuestionEditor *self);

/* A new question goes last and starts inactive: it needs two options first. */
gint64              tenure_question_editor_add_question   (TenureQuestionEditor *self,
                                                           const char           *text,
                                                           TenureQuestionKind    kind,
                                                           GError              **error);
gboolean            tenure_question_editor_set_question_text (TenureQuestionEditor *self,
                                                           gint64                question_id,
                                                           const char           *text,
                                                           GError              **error);
gboolean            tenure_question_editor_set_question_kind (TenureQuestionEditor *self,
                                                           gint64                question_id,
                                                           TenureQuestionKind    kind,
                                                           GError              **error);
gboolean            tenure_question_editor_set_question_active (TenureQuestionEditor *self,
                                                           gint64                question_id,
                                                           gboolean              active,
                                                           GError              **error);
gboolean            tenure_question_editor_move_question  (TenureQuestionEditor *self,
                                                           gint64                question_id,
                                                           int                   position,
                                                           GError              **error);
gint64              tenure_question_editor_count_question_answers (TenureQuestionEditor *self,
                                                           gint64                question_id);
gboolean            tenure_question_editor_delete_question (TenureQuestionEditor *self,
                                                           gint64                question_id,
                                                           GError              **error);

gint64              tenure_question_editor_add_option     (TenureQuestionEditor *self,
                                                           gint64                question_id,
                                                           const char           *text,
                                                           int                   points,
                                                           GError              **error);
gboolean            tenure_question_editor_set_option_text (TenureQuestionEditor *self,
                                                           gint64                option_id,
                                                           const char           *text,
                                                           GError              **error);
gboolean            tenure_question_editor_set_option_points (TenureQuestionEditor *self,
                                                           gint64                option_id,
                                                           int                   points,
                                                           GError              **error);
gboolean            tenure_question_editor_move_option    (TenureQuestionEditor *self,
                                                           gint64                option_id,
                                                           int                   position,
                                                           GError              **error);
gint64              tenure_question_editor_count_option_answers (TenureQuestionEditor *self,
                                                           gint64                option_id);
gboolean            tenure_question_editor_delete_option  (TenureQuestionEditor *self,
                                                           gint64                option_id,
                                                           GError              **error);

/* Sets every option with a suggestion to its suggested points, as one edit. Returns the
 * number of options changed in @changed (0: nothing to undo was recorded). */
gboolean            tenure_question_editor_apply_suggestions (TenureQuestionEditor *self,
                                                           const TenureAudit    *audit,
                                                           guint                *changed,
                                                           GError              **error);

/* Questions files (JSON). Import merges by question text, as one edit; see
 * tenure-qualify-io.c for the rules. */
gboolean            tenure_qualify_export                 (TenureDb             *db,
                                                           const char           *path,
                                                           GError              **error);
gboolean            tenure_question_editor_import         (TenureQuestionEditor *self,
                                                           const char           *path,
                                                           guint                *questions_added,
                                                           guint                *options_changed,
                                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureQuestion, tenure_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureAudit, tenure_audit_free)

G_END_DECLS
