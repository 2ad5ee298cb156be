/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Onboarding page: scenarios with their completion rate for the selected month, the
 * designer of one, and the scenario actions (new, rename, duplicate, delete, activate,
 * export, import), every edit saved at once and undoable. */

#define G_LOG_DOMAIN "tenure-onboarding-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "tenure-format.h"
#include "tenure-month-selector.h"
#include "tenure-onboarding-page-private.h"
#include "tenure-scenario-designer.h"

G_DEFINE_FINAL_TYPE (TenureOnboardingPage, tenure_onboarding_page, TENURE_TYPE_PAGE)

static char load_tag;

typedef struct
{
  TenureWorkspace *workspace;
  int              month;
  gboolean         open_edit_db;
  gint64           scenario_id;  /* the designer's, 0 when the list is shown */
  guint            edits;        /* the page's edit count when the load began */
} LoadData;

typedef struct
{
  GPtrArray      *stats;
  GPtrArray      *jobs;
  GStrv           segments;
  TenureDb       *edit_db;
  TenureScenario *scenario;      /* the designer's, NULL when gone or not asked */
} LoadResult;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->workspace);
  g_free (data);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->stats, g_ptr_array_unref);
  g_clear_pointer (&result->jobs, g_ptr_array_unref);
  g_clear_pointer (&result->segments, g_strfreev);
  g_clear_pointer (&result->edit_db, tenure_db_close);
  g_clear_pointer (&result->scenario, tenure_scenario_free);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)


/* Toasts */

void
_tenure_onboarding_page_show_toast (TenureOnboardingPage *self,
                                    const char           *message,
                                    gboolean              offer_undo)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "onboarding.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
designer_toast_cb (TenureOnboardingPage *self,
                   const char           *message,
                   gboolean              offer_undo)
{
  _tenure_onboarding_page_show_toast (self, message, offer_undo);
}

gboolean
_tenure_onboarding_page_report (TenureOnboardingPage *self,
                                gboolean              ok,
                                GError               *error)
{
  if (!ok && error != NULL)
    _tenure_onboarding_page_show_toast (self, error->message, FALSE);
  return ok;
}

/* Looking things up */

static const TenureScenarioStats *
find_stats (TenureOnboardingPage *self,
            gint64                scenario_id)
{
  for (guint i = 0; self->stats != NULL && i < self->stats->len; i++)
    {
      const TenureScenarioStats *stats = g_ptr_array_index (self->stats, i);

      if (stats->scenario_id == scenario_id)
        return stats;
    }

  return NULL;
}

static char *
format_pct (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return tenure_format_percent (value, 0, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

/* Whether edits can be made now: the workspace is writable and no enrolment is running
 * in a worker thread with the editor. */
gboolean
_tenure_onboarding_page_can_edit (TenureOnboardingPage *self)
{
  return self->editor != NULL && !self->enrolling;
}

/* The designer */

static GMenuModel *
create_scenario_menu (gint64   scenario_id,
                      gboolean active,
                      gboolean with_open)
{
  static const struct { const char *label; const char *action; } items[] = {
    { N_("_Open"), "onboarding.open" },
    { N_("_Rename…"), "onboarding.rename" },
    { N_("D_uplicate"), "onboarding.duplicate" },
    { NULL, "onboarding.toggle-active" },
    { N_("_Export…"), "onboarding.export" },
    { N_("_Delete"), "onboarding.delete" },
  };
  GMenu *menu = g_menu_new ();

  for (guint i = with_open ? 0 : 1; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      const char *label = items[i].label != NULL ? _(items[i].label)
                          : active ? _("De_activate") : _("_Activate");

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action,
                                               g_variant_new_int64 (scenario_id));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

/* Shows @scenario (taken; NULL when it is gone: then the list) in the designer. */
static void
show_designer_scenario (TenureOnboardingPage *self,
                        TenureScenario       *scenario)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (scenario == NULL)
    {
      self->open_scenario = 0;
      tenure_scenario_designer_set_scenario (self->designer, NULL);
      _tenure_onboarding_page_show_list (self);
      return;
    }

  gtk_label_set_text (self->designer_title, scenario->name);
  menu = create_scenario_menu (scenario->id, scenario->active, FALSE);
  gtk_menu_button_set_menu_model (self->designer_menu_button, menu);
  tenure_scenario_designer_set_scenario (self->designer, scenario);
  tenure_scenario_designer_set_stats (self->designer, find_stats (self, self->open_scenario),
                                      self->loaded_month);
}

/* Shows the scenario of the designer as the file has it now, right after an edit (a few
 * rows read on the main thread), or the list when it is gone. */
static void
reload_designer (TenureOnboardingPage *self)
{
  /* While an enrolment runs the connection is the worker's; it reloads when done. */
  if (self->open_scenario == 0 || self->edit_db == NULL || self->enrolling)
    return;

  show_designer_scenario (self, tenure_scenario_load (self->edit_db, self->open_scenario, NULL));
}

void
_tenure_onboarding_page_show_list (TenureOnboardingPage *self)
{
  gboolean empty = self->stats == NULL || self->stats->len == 0;

  self->open_scenario = 0;
  if (self->editor != NULL && !self->enrolling)
    tenure_scenario_editor_seal (self->editor);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/**
 * tenure_onboarding_page_open_scenario:
 *
 * Shows the designer of @scenario_id.
 */
void
tenure_onboarding_page_open_scenario (TenureOnboardingPage *self,
                                      gint64                scenario_id)
{
  g_return_if_fail (TENURE_IS_ONBOARDING_PAGE (self));

  if (self->edit_db == NULL || self->enrolling)
    return;

  if (self->editor != NULL)
    tenure_scenario_editor_seal (self->editor);
  self->open_scenario = scenario_id;
  reload_designer (self);
  if (self->open_scenario != 0)
    gtk_stack_set_visible_child_name (self->stack, "designer");
}

/* The list */

static GtkWidget *
create_scenario_row (TenureOnboardingPage      *self,
                     const TenureScenarioStats *stats)
{
  g_autofree char *month = tenure_month_selector_format_month (self->loaded_month);
  g_autofree char *completion = format_pct (stats->completion_pct);
  g_autofree char *tooltip = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *enrolled = NULL;
  g_autoptr(GMenuModel) menu = create_scenario_menu (stats->scenario_id, stats->active, TRUE);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *figure = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *value = gtk_label_new (completion);
  GtkWidget *caption = gtk_label_new (_("completed"));
  GtkWidget *menu_button = gtk_menu_button_new ();
  const char *status = stats->active ? _("Active") : _("Draft");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stats->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: customers enrolled in a scenario in the last 3 months */
  enrolled = g_strdup_printf (ngettext ("%u enrolled in 3 months", "%u enrolled in 3 months",
                                        stats->enrolments), stats->enrolments);
  if (stats->job_name != NULL)
    /* Translators: a scenario's status, the job it is about and its enrolments */
    subtitle = g_strdup_printf (_("%s · Job: %s · %s"), status, stats->job_name, enrolled);
  else
    subtitle = g_strdup_printf ("%s · %s", status, enrolled);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (stats->active
                                                           ? "media-playlist-consecutive-symbolic"
                                                           : "document-edit-symbolic"));

  if (isnan (stats->completion_pct))
    /* Translators: %s is a month */
    tooltip = g_strdup_printf (_("No customer was enrolled in the 3 months ending %s"), month);
  else
    /* Translators: %u of %u customers; %s is a month */
    tooltip = g_strdup_printf (ngettext ("Completion: %u of the %u customer enrolled in the 3 "
                                         "months ending %s did every required step",
                                         "Completion: %u of the %u customers enrolled in the 3 "
                                         "months ending %s did every required step",
                                         stats->enrolments),
                               stats->completed, stats->enrolments, month);
  gtk_widget_add_css_class (value, "title-3");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_box_append (GTK_BOX (figure), value);
  gtk_box_append (GTK_BOX (figure), caption);
  gtk_widget_set_valign (figure, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (figure, tooltip);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), figure);
  g_hash_table_insert (self->completion_labels, g_memdup2 (&stats->scenario_id, sizeof (gint64)),
                       value);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_tooltip_text (menu_button, _("Scenario Actions"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "onboarding.open");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (stats->scenario_id));

  return row;
}

static void
fill_list (TenureOnboardingPage *self)
{
  g_autofree char *month = tenure_month_selector_format_month (self->loaded_month);
  g_autofree char *caption = NULL;
  GtkWidget *child;
  guint i = 0;

  /* Rows are replaced one for one (the focus stays on its row's place). */
  g_hash_table_remove_all (self->completion_labels);
  child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
  for (i = 0; i < self->stats->len; i++)
    {
      GtkWidget *row = create_scenario_row (self, g_ptr_array_index (self->stats, i));

      if (child != NULL)
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          gtk_list_box_insert (self->list_box, row, (int) i);
          gtk_list_box_remove (self->list_box, child);
          child = next;
        }
      else
        gtk_list_box_append (self->list_box, row);
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_list_box_remove (self->list_box, child);
      child = next;
    }

  /* Translators: %s is a month, "March 2026" */
  caption = g_strdup_printf (_("Completion: the share of the customers enrolled in the 3 months "
                               "ending %s who did every required step."), month);
  gtk_label_set_text (self->list_caption, caption);
}

static void
update_sensitivity (TenureOnboardingPage *self)
{
  gboolean editing = _tenure_onboarding_page_can_edit (self);
  static const char * const edit_actions[] = {
    "onboarding.new", "onboarding.import", "onboarding.rename", "onboarding.duplicate",
    "onboarding.toggle-active", "onboarding.delete",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.undo",
                                 editing && !self->enrolling &&
                                 tenure_scenario_editor_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.redo",
                                 editing && !self->enrolling &&
                                 tenure_scenario_editor_can_redo (self->editor));
  gtk_widget_set_visible (self->list_read_only_label, self->loaded && !editing);
  gtk_widget_set_visible (self->empty_read_only_label, self->loaded && !editing);
  gtk_widget_set_visible (self->designer_read_only_label, self->loaded && !editing);
}

/* Edits */

static void
editor_changed_cb (TenureOnboardingPage *self,
                   gint64                scenario_id)
{
  self->edits++;
  reload_designer (self);
  tenure_page_queue_reload (TENURE_PAGE (self));
}

static void
editor_history_cb (TenureOnboardingPage *self)
{
  update_sensitivity (self);
}

void
_tenure_onboarding_page_edited (TenureOnboardingPage *self)
{
  update_sensitivity (self);
  editor_changed_cb (self, self->open_scenario);
}

static void
drop_editor (TenureOnboardingPage *self)
{
  _tenure_onboarding_page_abandon_enrolment (self);
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  tenure_scenario_designer_set_editor (self->designer, NULL);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->edit_db, tenure_db_close);
  g_clear_object (&self->edit_workspace);
  self->open_scenario = 0;
  self->loaded = FALSE;
}

static void
take_edit_db (TenureOnboardingPage *self,
              TenureDb             *db)
{
  self->edit_db = db;
  if (!tenure_db_is_read_only (db))
    {
      self->editor = tenure_scenario_editor_new (db);
      g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (editor_changed_cb), self);
      g_signal_connect_swapped (self->editor, "notify::can-undo",
                                G_CALLBACK (editor_history_cb), self);
      g_signal_connect_swapped (self->editor, "notify::can-redo",
                                G_CALLBACK (editor_history_cb), self);
    }
  tenure_scenario_designer_set_editor (self->designer, self->editor);
}

/* Loading */

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (data->open_edit_db)
    {
      result->edit_db = tenure_workspace_open_edit_db (data->workspace, &error);
      if (result->edit_db == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  db = tenure_workspace_open_db (data->workspace, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->scenario_id != 0)
    result->scenario = tenure_scenario_load (db, data->scenario_id, NULL);
  result->stats = tenure_scenario_compute_all_stats (db, data->month, cancellable, &error);
  if (result->stats != NULL)
    result->jobs = tenure_scenario_list_jobs (db, &error);
  if (result->jobs != NULL)
    result->segments = tenure_scenario_list_segments (db, &error);
  if (result->segments == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
}

static gboolean
same_jobs (GPtrArray *a,
           GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const TenureScenarioJob *x = g_ptr_array_index (a, i);
      const TenureScenarioJob *y = g_ptr_array_index (b, i);

      if (x->id != y->id || g_strcmp0 (x->name, y->name) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
load_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(TenureOnboardingPage) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (res));
  LoadData *data = g_task_get_task_data (G_TASK (res));
  g_autoptr(LoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (cancellable))
    return;

  if (result == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      tenure_page_end_loading (TENURE_PAGE (self), cancellable);
      return;
    }

  if (result->edit_db != NULL && self->edit_db == NULL)
    {
      g_set_object (&self->edit_workspace, data->workspace);
      take_edit_db (self, g_steal_pointer (&result->edit_db));
    }

  g_clear_pointer (&self->stats, g_ptr_array_unref);
  self->stats = g_steal_pointer (&result->stats);
  self->loaded_month = data->month;
  self->loaded = TRUE;
  /* The pickers are rebuilt (and the designer with them) only when the choices changed. */
  if (!same_jobs (self->jobs, result->jobs) ||
      !g_strv_equal ((const char * const *) self->segments,
                     (const char * const *) result->segments))
    {
      g_clear_pointer (&self->jobs, g_ptr_array_unref);
      self->jobs = g_steal_pointer (&result->jobs);
      g_clear_pointer (&self->segments, g_strfreev);
      self->segments = g_steal_pointer (&result->segments);
      tenure_scenario_designer_set_choices (self->designer, self->jobs,
                                            (const char * const *) self->segments);
    }

  fill_list (self);
  update_sensitivity (self);

  /* The designer's scenario was read in the worker (no SQL here), unless an edit came
   * after the load began: then it is read again as the edit left it. */
  if (self->open_scenario != 0 && self->open_scenario == data->scenario_id &&
      data->edits == self->edits)
    show_designer_scenario (self, g_steal_pointer (&result->scenario));
  else if (self->open_scenario != 0)
    reload_designer (self);
  if (self->open_scenario == 0)
    _tenure_onboarding_page_show_list (self);

  tenure_page_end_loading (TENURE_PAGE (self), cancellable);
}

static void
tenure_onboarding_page_reload (TenurePage *page)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (page);
  TenureWorkspace *workspace = tenure_page_get_workspace (page);
  GCancellable *cancellable;
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  if (workspace != self->edit_workspace)
    {
      drop_editor (self);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  cancellable = tenure_page_begin_loading (page);
  if (workspace == NULL)
    return;

  data = g_new0 (LoadData, 1);
  data->workspace = g_object_ref (workspace);
  data->month = tenure_page_get_month (page);
  data->open_edit_db = self->edit_db == NULL;
  data->scenario_id = self->open_scenario;
  data->edits = self->edits;

  task = g_task_new (NULL, cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, &load_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_worker);
}

/* GObject */

static void
tenure_onboarding_page_dispose (GObject *object)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (object);

  drop_editor (self);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_ONBOARDING_PAGE);

  G_OBJECT_CLASS (tenure_onboarding_page_parent_class)->dispose (object);
}

static void
tenure_onboarding_page_finalize (GObject *object)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (object);

  g_clear_pointer (&self->stats, g_ptr_array_unref);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_strfreev);
  g_clear_pointer (&self->completion_labels, g_hash_table_unref);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (tenure_onboarding_page_parent_class)->finalize (object);
}

static void
tenure_onboarding_page_class_init (TenureOnboardingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TenurePageClass *page_class = TENURE_PAGE_CLASS (klass);

  object_class->dispose = tenure_onboarding_page_dispose;
  object_class->finalize = tenure_onboarding_page_finalize;

  page_class->reload = tenure_onboarding_page_reload;

  g_type_ensure (TENURE_TYPE_SCENARIO_DESIGNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-onboarding-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage, designer);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage, designer_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage,
                                        designer_read_only_label);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage, designer_title);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage, enrol_spinner);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage,
                                        empty_read_only_label);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage, list_caption);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage,
                                        list_read_only_label);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureOnboardingPage, toast_overlay);

  _tenure_onboarding_page_class_actions_init (widget_class);
  _tenure_onboarding_page_class_enrol_init (widget_class);
}

static void
tenure_onboarding_page_init (TenureOnboardingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->completion_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect_object (self->designer, "toast", G_CALLBACK (designer_toast_cb), self,
                           G_CONNECT_SWAPPED);
  _tenure_onboarding_page_enrol_init (self);
  update_sensitivity (self);
}

guint
tenure_onboarding_page_get_n_scenarios (TenureOnboardingPage *self)
{
  g_return_val_if_fail (TENURE_IS_ONBOARDING_PAGE (self), 0);

  return self->stats != NULL ? self->stats->len : 0;
}

/* The completion the list shows for @scenario_id, or NULL when it is not listed. */
const char *
tenure_onboarding_page_get_completion_text (TenureOnboardingPage *self,
                                            gint64                scenario_id)
{
  GtkLabel *label;

  g_return_val_if_fail (TENURE_IS_ONBOARDING_PAGE (self), NULL);

  label = g_hash_table_lookup (self->completion_labels, &scenario_id);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

/* "loading", "empty", "list", "designer" or "error". */
const char *
tenure_onboarding_page_get_view (TenureOnboardingPage *self)
{
  g_return_val_if_fail (TENURE_IS_ONBOARDING_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

TenureScenarioDesigner *
tenure_onboarding_page_get_designer (TenureOnboardingPage *self)
{
  g_return_val_if_fail (TENURE_IS_ONBOARDING_PAGE (self), NULL);

  return self->designer;
}

TenureScenarioEditor *
tenure_onboarding_page_get_editor (TenureOnboardingPage *self)
{
  g_return_val_if_fail (TENURE_IS_ONBOARDING_PAGE (self), NULL);

  return self->editor;
}

/* The message of the last toast shown, for tests. */
const char *
tenure_onboarding_page_get_last_toast (TenureOnboardingPage *self)
{
  g_return_val_if_fail (TENURE_IS_ONBOARDING_PAGE (self), NULL);

  return self->last_toast;
}
