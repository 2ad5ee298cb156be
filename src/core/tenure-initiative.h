/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Retention initiatives: their editor with undo, and their return on investment
 * (METRICS.md section 3). */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"
#include "tenure-metrics.h"

G_BEGIN_DECLS

#define TENURE_INITIATIVE_ERROR (tenure_initiative_error_quark ())

typedef enum
{
  TENURE_INITIATIVE_ERROR_INVALID,     /* a field is not acceptable */
  TENURE_INITIATIVE_ERROR_NOT_FOUND,   /* no such initiative or scenario */
  TENURE_INITIATIVE_ERROR_CONFLICT,    /* the workspace changed under the undo history */
} TenureInitiativeError;

/* Below this many customers in either group, the comparison proves nothing. */
#define TENURE_INITIATIVE_MIN_GROUP 30

/* One initiative as stored: exactly one of @segment and @scenario_id is set. */
typedef struct
{
  gint64  id;
  char   *name;
  gint64  cost_cents;
  int     start_month;           /* TENURE_MONTH () values, start ≤ end */
  int     end_month;
  char   *segment;               /* nullable */
  gint64  scenario_id;           /* 0 when the target is a segment */
  char   *notes;                 /* never NULL once loaded */
} TenureInitiative;

/* The churn of both groups in one month of an initiative. */
typedef struct
{
  int     month;
  guint   targeted_base;         /* customers paying at m − 1 */
  guint   other_base;
  double  targeted_churn_pct;    /* nullable: no customer at m − 1 */
  double  other_churn_pct;
} TenureInitiativeMonth;

typedef struct
{
  gint64  id;
  char   *name;
  gint64  cost_cents;
  int     start_month;           /* TENURE_MONTH () values */
  int     end_month;
  char   *segment;               /* nullable */
  gint64  scenario_id;           /* 0 when the initiative has no scenario */
  guint   n_months;              /* months counted: start … min (end, M) */
  double  gain;                  /* unrounded cents */
  gint64  gain_cents;
  double  roi_pct;               /* nullable: cost 0 */
  char   *notes;
  char   *scenario_name;         /* nullable */
  guint   targeted_accounts;     /* customers of each group at the start of the last */
  guint   other_accounts;        /*   month counted; 0 when no month is counted */
  GArray *months;                /* TenureInitiativeMonth, one per month counted */
} TenureInitiativeRoi;

GQuark             tenure_initiative_error_quark  (void);

TenureInitiative  *tenure_initiative_new          (void);
TenureInitiative  *tenure_initiative_copy         (const TenureInitiative  *initiative);
void               tenure_initiative_free         (TenureInitiative        *initiative);
gboolean           tenure_initiative_equal        (const TenureInitiative  *a,
                                                   const TenureInitiative  *b);

/* Every initiative, by start month then name. */
GPtrArray         *tenure_initiative_list         (TenureDb                *db,
                                                   GError                 **error);
TenureInitiative  *tenure_initiative_load         (TenureDb                *db,
                                                   gint64                   id,
                                                   GError                 **error);
/* Checks the fields: non-empty name, cost ≥ 0, first month ≤ last month, exactly one
 * target, and the scenario exists. */
gboolean           tenure_initiative_validate     (TenureDb                *db,
                                                   const TenureInitiative  *initiative,
                                                   GError                 **error);
/* The target as "segment:NAME" or "scenario:NAME" (the CLI's and report's spelling). */
char              *tenure_initiative_roi_format_target (const TenureInitiativeRoi *roi);

/* The editor: every edit saved at once in its own transaction, with undo and redo. */
#define TENURE_TYPE_INITIATIVE_EDITOR (tenure_initiative_editor_get_type ())

G_DECLARE_FINAL_TYPE (TenureInitiativeEditor, tenure_initiative_editor,
                      TENURE, INITIATIVE_EDITOR, GObject)

TenureInitiativeEditor *tenure_initiative_editor_new      (TenureDb                *db);
/* Returns the new initiative's id, 0 on error (@initiative's id is ignored). */
gint64      tenure_initiative_editor_create               (TenureInitiativeEditor  *self,
                                                           const TenureInitiative  *initiative,
                                                           GError                 **error);
/* Replaces every field of the initiative @initiative->id. */
gboolean    tenure_initiative_editor_update               (TenureInitiativeEditor  *self,
                                                           const TenureInitiative  *initiative,
                                                           GError                 **error);
gboolean    tenure_initiative_editor_delete               (TenureInitiativeEditor  *self,
                                                           gint64                   id,
                                                           GError                 **error);
gboolean    tenure_initiative_editor_can_undo             (TenureInitiativeEditor  *self);
gboolean    tenure_initiative_editor_can_redo             (TenureInitiativeEditor  *self);
const char *tenure_initiative_editor_get_undo_label       (TenureInitiativeEditor  *self);
gboolean    tenure_initiative_editor_undo                 (TenureInitiativeEditor  *self,
                                                           GError                 **error);
gboolean    tenure_initiative_editor_redo                 (TenureInitiativeEditor  *self,
                                                           GError                 **error);

/* Every initiative of the workspace, by start month then name, with its ROI at @month. */
GPtrArray *tenure_initiative_roi (TenureDb            *db,
                                  int                  month,
                                  const TenureFilter  *filter,
                                  GCancellable        *cancellable,
                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureInitiative, tenure_initiative_free)

G_END_DECLS
