package dev.kiln.train;

/** Lets tests in sub-packages use the package-private scripted component. */
public final class ScriptedAccess {
  private final Scripted.Component component = new Scripted.Component("c", 1.0);

  public Scripted.Component component() {
    return component;
  }

  public void nanAtUpdate(int update) {
    component.nanAtUpdate = update;
  }

  public long finishUpdates() {
    return component.finishUpdates;
  }
}
