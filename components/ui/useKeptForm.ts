"use client";

import { useActionState, useTransition, type FormEvent } from "react";

/**
 * useActionState for forms whose input must survive a failed submit. React resets a form after
 * its `action` runs, which would wipe what someone typed when the server answers "please fix";
 * submitting through onSubmit keeps the fields as they are. The pressed button's name/value
 * (e.g. intent=publish) is sent along.
 */
export function useKeptForm<S>(action: (state: Awaited<S>, data: FormData) => S | Promise<S>, initial: Awaited<S>) {
  const [state, dispatch, actionPending] = useActionState(action, initial);
  const [transitionPending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }
  return [state, onSubmit, actionPending || transitionPending] as const;
}
