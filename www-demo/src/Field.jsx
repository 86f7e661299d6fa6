// A labelled control: the label names the control by id (not by wrapping it), so its accessible name is the label
// alone and never the control's current value.
import { cloneElement, useId } from 'react';

export function Field({ label, children, className = 'field' }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={children.props.id ?? id}>{label}</label>
      {cloneElement(children, { id: children.props.id ?? id })}
    </div>
  );
}
