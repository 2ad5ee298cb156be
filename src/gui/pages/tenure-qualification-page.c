/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Qualification page: the signup questions, their audit and the threshold simulation.
 *
 * The first load opens one writable connection for the question editor (in the worker,
 * handed over to the main thread, where each edit is a short transaction of its own);
 * every load computes the audit for the page's month with a read-only connection. An
 * edit reloads the audit, so the Audit and Simulation views always follow the points. */

#define G_LOG_DOMAIN "tenure-qualification-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-audit-view.h"
#include "tenure-qualification-page.h"
#include "tenure-question-editor-view.h"
#include "tenure-threshold-view.h"

struct _TenureQualificationPage
{
  TenurePage                parent_instance;

  TenureAuditView          *audit_view;
  AdwStatusPage            *error_page;
  TenureQuestionEditorView *questions_view;
  GtkStack                 *stack;
  TenureThresholdView      *threshold_view;
  AdwToastOverlay          *toast_overlay;
  AdwViewStack             *view_stack;

  TenureDb                 *db;        /* the editor's connection */
  TenureQuestionEditor     *editor;
  TenureAudit              *audit;
  AdwToast                 *undo_toast;   /* weak: the toast offering to undo, if shown */
};

G_DEFINE_FINAL_TYPE (TenureQualificationPage, tenure_qualification_page, TENURE_TYPE_PAGE)

typedef struct
{
  TenureDb    *db;          /* the editor's connection, on the first load */
  GPtrArray   *questions;   /* with it: the questions and their answer counts */
  TenureAudit *audit;
  char        *currency;
  gboolean     has_threshold;
  int          threshold;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->audit, tenure_audit_free);
  g_clear_pointer (&result->db, tenure_db_close);
  g_clear_pointer (&result->questions, g_ptr_array_unref);
  g_free (result->currency);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* @load's data is TRUE when the page needs its own connection for the editor. */
static gpointer
load_audit (TenureDb             *db,
            const TenurePageLoad *load,
            GCancellable         *cancellable,
            GError              **error)
{
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);

  if (GPOINTER_TO_INT (load->data))
    {
      result->db = tenure_workspace_open_edit_db (load->workspace, error);
      if (result->db == NULL)
        return NULL;
      /* Counting the answers of each question takes long in a large workspace. */
      result->questions = tenure_qualify_list_questions (result->db, error);
      if (result->questions == NULL)
        return NULL;
    }

  result->audit = tenure_audit_compute (db, load->month, NULL, NULL, cancellable, error);
  if (result->audit == NULL)
    return NULL;
  result->currency = tenure_db_get_setting (db, "currency", "EUR");
  result->has_threshold = tenure_qualify_get_threshold (db, &result->threshold);

  return g_steal_pointer (&result);
}

static void
update_history_actions (TenureQualificationPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "qualification.undo",
                                 self->editor != NULL &&
                                 tenure_question_editor_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "qualification.redo",
                                 self->editor != NULL &&
                                 tenure_question_editor_can_redo (self->editor));
}

static void
editor_changed_cb (TenureQualificationPage *self)
{
  /* The points changed: the audit's suggestions and the scores follow. */
  tenure_page_queue_reload (TENURE_PAGE (self));
}

static void
set_editor (TenureQualificationPage *self,
            TenureDb                *db,
            GPtrArray               *questions)
{
  tenure_question_editor_view_set_editor (self->questions_view, NULL, NULL);
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->db, tenure_db_close);

  if (db == NULL)
    {
      update_history_actions (self);
      return;
    }

  self->db = db;
  self->editor = tenure_question_editor_new (db);
  g_signal_connect_object (self->editor, "changed", G_CALLBACK (editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::can-undo",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::can-redo",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  tenure_question_editor_view_set_editor (self->questions_view, self->editor, questions);
  update_history_actions (self);
}

static void
loaded_cb (TenurePage           *page,
           const TenurePageLoad *load,
           gpointer              data,
           const GError         *error)
{
  TenureQualificationPage *self = TENURE_QUALIFICATION_PAGE (page);
  LoadResult *result = data;

  if (error != NULL)
    {
      tenure_page_show_error (self->stack, self->error_page, error);
      return;
    }

  if (result->db != NULL)
    set_editor (self, g_steal_pointer (&result->db), result->questions);

  /* The threshold view keeps a pointer to the audit: give it the new one first. */
  tenure_threshold_view_set_audit (self->threshold_view, result->audit, result->currency,
                                   result->has_threshold, result->threshold);
  tenure_audit_view_set_audit (self->audit_view, result->audit);
  g_clear_pointer (&self->audit, tenure_audit_free);
  self->audit = g_steal_pointer (&result->audit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "qualification.apply-suggestions",
                                 self->editor != NULL && self->audit->population > 0);

  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
tenure_qualification_page_reload (TenurePage *page)
{
  TenureQualificationPage *self = TENURE_QUALIFICATION_PAGE (page);
  TenureWorkspace *workspace = tenure_page_get_workspace (page);

  /* A new workspace: its own editor, with a fresh history. */
  if (self->db != NULL &&
      g_strcmp0 (tenure_db_get_path (self->db), tenure_workspace_get_path (workspace)) != 0)
    set_editor (self, NULL, NULL);

  if (self->audit == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  tenure_page_load_in_thread (page, load_audit, GINT_TO_POINTER (self->editor == NULL), NULL,
                              (GDestroyNotify) load_result_free, loaded_cb);
}

static void
threshold_picked_cb (TenureQualificationPage *self,
                     int                      threshold)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->db == NULL)
    return;

  if (!tenure_qualify_set_threshold (self->db, TRUE, threshold, &error))
    {
      tenure_qualification_page_show_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  tenure_threshold_view_set_saved (self->threshold_view, TRUE, threshold);
  title = g_strdup_printf (ngettext ("The report will use a threshold of %d point",
                                     "The report will use a threshold of %d points",
                                     (gulong) ABS (threshold)), threshold);
  tenure_qualification_page_show_toast (GTK_WIDGET (self), title, FALSE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TenureQualificationPage *self = TENURE_QUALIFICATION_PAGE (widget);
  gboolean redo = g_str_equal (action_name, "qualification.redo");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->editor == NULL)
    return;

  /* The toast's offer is taken, or made out of date. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  ok = redo ? tenure_question_editor_redo (self->editor, &error)
            : tenure_question_editor_undo (self->editor, &error);
  if (!ok)
    tenure_qualification_page_show_toast (widget, error->message, FALSE);
}

static void
apply_suggestions_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TenureQualificationPage *self = TENURE_QUALIFICATION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint changed = 0;

  if (self->editor == NULL || self->audit == NULL)
    return;

  if (!tenure_question_editor_apply_suggestions (self->editor, self->audit, &changed, &error))
    {
      tenure_qualification_page_show_toast (widget, error->message, FALSE);
      return;
    }

  if (changed == 0)
    {
      tenure_qualification_page_show_toast (widget, _("The points already match the "
                                                      "suggestions"), FALSE);
      return;
    }

  title = g_strdup_printf (ngettext ("Suggested points applied to %u answer",
                                     "Suggested points applied to %u answers", changed), changed);
  tenure_qualification_page_show_toast (widget, title, TRUE);
}

static void
tenure_qualification_page_dispose (GObject *object)
{
  TenureQualificationPage *self = TENURE_QUALIFICATION_PAGE (object);

  if (self->questions_view != NULL)
    set_editor (self, NULL, NULL);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_QUALIFICATION_PAGE);
  g_clear_pointer (&self->audit, tenure_audit_free);
  if (self->undo_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  self->undo_toast = NULL;

  G_OBJECT_CLASS (tenure_qualification_page_parent_class)->dispose (object);
}

static void
tenure_qualification_page_class_init (TenureQualificationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TenurePageClass *page_class = TENURE_PAGE_CLASS (klass);

  object_class->dispose = tenure_qualification_page_dispose;

  page_class->reload = tenure_qualification_page_reload;

  g_type_ensure (TENURE_TYPE_AUDIT_VIEW);
  g_type_ensure (TENURE_TYPE_QUESTION_EDITOR_VIEW);
  g_type_ensure (TENURE_TYPE_THRESHOLD_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-qualification-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureQualificationPage, audit_view);
  gtk_widget_class_bind_template_child (widget_class, TenureQualificationPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureQualificationPage, questions_view);
  gtk_widget_class_bind_template_child (widget_class, TenureQualificationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureQualificationPage, threshold_view);
  gtk_widget_class_bind_template_child (widget_class, TenureQualificationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TenureQualificationPage, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, threshold_picked_cb);

  gtk_widget_class_install_action (widget_class, "qualification.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "qualification.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "qualification.apply-suggestions", NULL,
                                   apply_suggestions_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "qualification.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "qualification.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "qualification.redo", NULL);
}

static void
tenure_qualification_page_init (TenureQualificationPage *self)
{
  static gsize css_loaded = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_history_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "qualification.apply-suggestions", FALSE);

  if (g_once_init_enter (&css_loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider,
                                           RESOURCE_PREFIX "/ui/tenure-qualification-page.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }
}

/**
 * tenure_qualification_page_show_toast:
 * @widget: the page or a widget inside it
 * @undo: whether the toast offers to undo the last edit
 *
 * Shows @title in a toast over the page.
 */
void
tenure_qualification_page_show_toast (GtkWidget  *widget,
                                      const char *title,
                                      gboolean    undo)
{
  GtkWidget *page = widget;
  AdwToast *toast;

  if (!TENURE_IS_QUALIFICATION_PAGE (page))
    page = gtk_widget_get_ancestor (widget, TENURE_TYPE_QUALIFICATION_PAGE);
  if (page == NULL)
    return;

  toast = adw_toast_new (title);
  if (undo)
    {
      TenureQualificationPage *self = TENURE_QUALIFICATION_PAGE (page);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "qualification.undo");
      if (self->undo_toast != NULL)
        g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
      self->undo_toast = toast;
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
    }
  adw_toast_overlay_add_toast (TENURE_QUALIFICATION_PAGE (page)->toast_overlay, toast);
}

/* The view shown: "questions", "audit" or "simulation". */
void
tenure_qualification_page_show_view (TenureQualificationPage *self,
                                     const char              *name)
{
  g_return_if_fail (TENURE_IS_QUALIFICATION_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

TenureQuestionEditorView *
tenure_qualification_page_get_questions_view (TenureQualificationPage *self)
{
  g_return_val_if_fail (TENURE_IS_QUALIFICATION_PAGE (self), NULL);

  return self->questions_view;
}

TenureAuditView *
tenure_qualification_page_get_audit_view (TenureQualificationPage *self)
{
  g_return_val_if_fail (TENURE_IS_QUALIFICATION_PAGE (self), NULL);

  return self->audit_view;
}

TenureThresholdView *
tenure_qualification_page_get_threshold_view (TenureQualificationPage *self)
{
  g_return_val_if_fail (TENURE_IS_QUALIFICATION_PAGE (self), NULL);

  return self->threshold_view;
}

/* The audit shown, for the page's month. */
const TenureAudit *
tenure_qualification_page_get_audit (TenureQualificationPage *self)
{
  g_return_val_if_fail (TENURE_IS_QUALIFICATION_PAGE (self), NULL);

  return self->audit;
}
