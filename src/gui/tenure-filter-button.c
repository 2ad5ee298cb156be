/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The header bar's filter: a menu of the workspace's segments, plans and channels (read off
 * the main thread) that sets the workspace's filter, and shows the active one in accent. */

#define G_LOG_DOMAIN "tenure-filter-button"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-filter-button.h"
#include "tenure-metrics-groups.h"

struct _TenureFilterButton
{
  AdwBin              parent_instance;

  GtkMenuButton      *button;
  GtkLabel           *label;
  GtkLabel           *short_label;
  AdwSqueezer        *squeezer;
  GSimpleAction      *set_action;

  TenureWorkspace    *workspace;
  gulong              filter_handler;
  GCancellable       *cancellable;
  gboolean            loaded;
};

G_DEFINE_FINAL_TYPE (TenureFilterButton, tenure_filter_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const struct {
  TenureFilterKind  kind;
  const char       *prefix;
  const char       *title;
} kinds[] = {
  { TENURE_FILTER_SEGMENT, "segment=", N_("Segment") },
  { TENURE_FILTER_PLAN, "plan=", N_("Plan") },
  { TENURE_FILTER_CHANNEL, "channel=", N_("Channel") },
};

/* The words the header and the menu show for a group: “unknown” is the channel of the
 * accounts that came without one. */
static const char *
display_value (TenureFilterKind  kind,
               const char       *value)
{
  if (kind == TENURE_FILTER_CHANNEL && g_strcmp0 (value, "unknown") == 0)
    return _("Unknown");

  return value;
}

/**
 * tenure_filter_button_describe:
 * @filter: a workspace filter ("segment=SMB", "" …)
 *
 * Returns: the filter in words, such as “Segment: SMB”, or “All Accounts”.
 */
char *
tenure_filter_button_describe (const char *filter)
{
  TenureFilter parsed;

  if (!tenure_filter_from_string (filter, &parsed) || parsed.kind == TENURE_FILTER_NONE)
    return g_strdup (_("All Accounts"));

  switch (parsed.kind)
    {
    case TENURE_FILTER_SEGMENT:
      /* Translators: the filter of the header bar; %s is a segment such as “SMB” */
      return g_strdup_printf (_("Segment: %s"), parsed.value);
    case TENURE_FILTER_PLAN:
      /* Translators: the filter of the header bar; %s is a plan such as “Pro” */
      return g_strdup_printf (_("Plan: %s"), parsed.value);
    case TENURE_FILTER_CHANNEL:
      /* Translators: the filter of the header bar; %s is a channel such as “ads” */
      return g_strdup_printf (_("Channel: %s"), display_value (parsed.kind, parsed.value));
    case TENURE_FILTER_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
set_accent (GtkLabel *label,
            gboolean  accent)
{
  if (accent)
    gtk_widget_add_css_class (GTK_WIDGET (label), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "accent");
}

/* The button says “Segment: SMB”, or “SMB” alone where the header is narrow (the tooltip
 * and the accessible name keep the whole filter). */
static void
update_label (TenureFilterButton *self)
{
  const char *filter = self->workspace != NULL ? tenure_workspace_get_filter (self->workspace) : "";
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;
  TenureFilter parsed;
  glong short_length;

  if (filter == NULL)
    filter = "";
  if (!tenure_filter_from_string (filter, &parsed))
    parsed.kind = TENURE_FILTER_NONE;
  description = tenure_filter_button_describe (filter);

  gtk_label_set_label (self->label, description);
  if (parsed.kind == TENURE_FILTER_NONE)
    /* Translators: the filter button where the header is narrow: every account */
    gtk_label_set_label (self->short_label, C_("filter", "All"));
  else
    gtk_label_set_label (self->short_label, display_value (parsed.kind, parsed.value));

  /* A name of up to 10 characters stays whole next to the month at 800 pixels. */
  short_length = g_utf8_strlen (gtk_label_get_label (self->short_label), -1);
  gtk_label_set_width_chars (self->short_label, (int) MIN (short_length, 10));

  set_accent (self->label, parsed.kind != TENURE_FILTER_NONE);
  set_accent (self->short_label, parsed.kind != TENURE_FILTER_NONE);

  if (parsed.kind != TENURE_FILTER_NONE)
    /* Translators: the filter button's tooltip; %s is e.g. “Segment: SMB” */
    tooltip = g_strdup_printf (_("Showing %s. Choose every account, or another segment, "
                                 "plan or acquisition channel, for every page and the report"),
                               description);
  else
    tooltip = g_strdup (_("Show the figures of every account, or of one segment, plan or "
                          "acquisition channel, on every page and in the report"));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  g_simple_action_set_state (self->set_action, g_variant_new_string (filter));
}

static void
filter_changed_cb (TenureFilterButton *self)
{
  update_label (self);
}

static void
set_action_change_state_cb (GSimpleAction      *action,
                            GVariant           *value,
                            TenureFilterButton *self)
{
  if (self->workspace == NULL)
    return;

  /* The workspace notifies, which updates the label and the state. */
  tenure_workspace_set_filter (self->workspace, g_variant_get_string (value, NULL));
}

typedef struct
{
  char **groups[G_N_ELEMENTS (kinds)];
} Groups;

static void
groups_free (gpointer data)
{
  Groups *groups = data;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_strfreev (groups->groups[i]);
  g_free (groups);
}

static void
load_groups_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TenureWorkspace *workspace = task_data;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  Groups *groups;

  db = tenure_workspace_open_db (workspace, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  groups = g_new0 (Groups, 1);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      groups->groups[i] = tenure_metrics_list_groups (db, kinds[i].kind, &error);
      if (groups->groups[i] == NULL)
        {
          groups_free (groups);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_pointer (task, groups, groups_free);
}

static GMenuItem *
create_item (const char *label,
             const char *filter)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "filter.set", g_variant_new_string (filter));
  return item;
}

static void
load_groups_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TenureFilterButton *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) all = g_menu_new ();
  g_autoptr(GMenuItem) all_item = NULL;
  Groups *groups;

  groups = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  all_item = create_item (_("All Accounts"), "");
  g_menu_append_item (all, all_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (all));

  if (groups == NULL)
    {
      /* The menu keeps “All Accounts”: a workspace that cannot be read says why elsewhere. */
      g_debug ("Cannot list the groups of the workspace: %s", error->message);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          g_autoptr(GMenu) section = NULL;

          if (groups->groups[i][0] == NULL)
            continue;

          section = g_menu_new ();
          for (guint j = 0; groups->groups[i][j] != NULL; j++)
            {
              g_autofree char *filter = g_strconcat (kinds[i].prefix, groups->groups[i][j], NULL);
              g_autoptr(GMenuItem) item = NULL;

              item = create_item (display_value (kinds[i].kind, groups->groups[i][j]), filter);
              g_menu_append_item (section, item);
            }
          g_menu_append_section (menu, _(kinds[i].title), G_MENU_MODEL (section));
        }
      groups_free (groups);
    }

  gtk_menu_button_set_menu_model (self->button, G_MENU_MODEL (menu));
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
}

static void
load_groups (TenureFilterButton *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->loaded = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);

  if (self->workspace == NULL)
    {
      gtk_menu_button_set_menu_model (self->button, NULL);
      return;
    }

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, load_groups_cb, self);
  g_task_set_task_data (task, g_object_ref (self->workspace), g_object_unref);
  g_task_run_in_thread (task, load_groups_thread);
}

static void
tenure_filter_button_dispose (GObject *object)
{
  TenureFilterButton *self = TENURE_FILTER_BUTTON (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->filter_handler, self->workspace);
  g_clear_object (&self->workspace);
  g_clear_object (&self->set_action);

  G_OBJECT_CLASS (tenure_filter_button_parent_class)->dispose (object);
}

static void
tenure_filter_button_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TenureFilterButton *self = TENURE_FILTER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_filter_button_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TenureFilterButton *self = TENURE_FILTER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      tenure_filter_button_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_filter_button_class_init (TenureFilterButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tenure_filter_button_dispose;
  object_class->get_property = tenure_filter_button_get_property;
  object_class->set_property = tenure_filter_button_set_property;

  properties [PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         TENURE_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TenureFilterButton:loaded:
   *
   * Whether the menu lists the segments, plans and channels of the current workspace.
   */
  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenure_filter_button_init (TenureFilterButton *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  self->label = GTK_LABEL (gtk_label_new (NULL));
  self->short_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->short_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->short_label, 14);

  self->squeezer = ADW_SQUEEZER (adw_squeezer_new ());
  adw_squeezer_set_homogeneous (self->squeezer, FALSE);
  adw_squeezer_set_transition_type (self->squeezer, ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (self->squeezer, GTK_WIDGET (self->label));
  adw_squeezer_add (self->squeezer, GTK_WIDGET (self->short_label));

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, GTK_WIDGET (self->squeezer));
  gtk_menu_button_set_always_show_arrow (self->button, TRUE);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));

  self->set_action = g_simple_action_new_stateful ("set", G_VARIANT_TYPE_STRING,
                                                   g_variant_new_string (""));
  g_signal_connect_object (self->set_action, "change-state",
                           G_CALLBACK (set_action_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->set_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "filter", G_ACTION_GROUP (group));

  update_label (self);
}

GtkWidget *
tenure_filter_button_new (void)
{
  return g_object_new (TENURE_TYPE_FILTER_BUTTON, NULL);
}

TenureWorkspace *
tenure_filter_button_get_workspace (TenureFilterButton *self)
{
  g_return_val_if_fail (TENURE_IS_FILTER_BUTTON (self), NULL);

  return self->workspace;
}

void
tenure_filter_button_set_workspace (TenureFilterButton *self,
                                    TenureWorkspace    *workspace)
{
  g_return_if_fail (TENURE_IS_FILTER_BUTTON (self));
  g_return_if_fail (workspace == NULL || TENURE_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_clear_signal_handler (&self->filter_handler, self->workspace);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    self->filter_handler = g_signal_connect_object (workspace, "notify::filter",
                                                    G_CALLBACK (filter_changed_cb), self,
                                                    G_CONNECT_SWAPPED);

  update_label (self);
  load_groups (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORKSPACE]);
}

/* TRUE once the menu lists the workspace's groups. */
gboolean
tenure_filter_button_get_loaded (TenureFilterButton *self)
{
  g_return_val_if_fail (TENURE_IS_FILTER_BUTTON (self), FALSE);

  return self->loaded;
}

/* The filter in words, such as “Segment: SMB”. */
const char *
tenure_filter_button_get_text (TenureFilterButton *self)
{
  g_return_val_if_fail (TENURE_IS_FILTER_BUTTON (self), NULL);

  return gtk_label_get_label (self->label);
}

/* The words the button shows at its current width. */
const char *
tenure_filter_button_get_label (TenureFilterButton *self)
{
  GtkWidget *visible;

  g_return_val_if_fail (TENURE_IS_FILTER_BUTTON (self), NULL);

  visible = adw_squeezer_get_visible_child (self->squeezer);
  return gtk_label_get_label (GTK_LABEL (visible != NULL ? visible : GTK_WIDGET (self->label)));
}

GtkMenuButton *
tenure_filter_button_get_button (TenureFilterButton *self)
{
  g_return_val_if_fail (TENURE_IS_FILTER_BUTTON (self), NULL);

  return self->button;
}
