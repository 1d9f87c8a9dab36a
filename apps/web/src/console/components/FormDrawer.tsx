import { Button, Drawer, Flex, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A side drawer holding one form (`children`, with its problem banner): a footer with the dismiss
 * button ("close" where the drawer also shows a result, else "cancel") and the primary button,
 * which submits `form` and spins while `submitting`. The content is dropped when it closes.
 *
 * @example
 * <FormDrawer title={t('users.form.title')} open={open} onClose={onClose} width={440} form={form}
 *   submitLabel={t('users.form.submit')} submitting={create.isPending}>
 *   {problems.banner && <ProblemAlert error={problems.banner} />}
 *   <Form form={form} …>…</Form>
 * </FormDrawer>
 */
export function FormDrawer(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  width: number;
  form: FormInstance;
  submitLabel: string;
  submitting: boolean;
  dismiss?: 'close' | 'cancel';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      title={props.title}
      open={props.open}
      onClose={props.onClose}
      width={props.width}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={props.onClose}>{t(`common.${props.dismiss ?? 'cancel'}`)}</Button>
          <Button type="primary" loading={props.submitting} onClick={() => props.form.submit()}>
            {props.submitLabel}
          </Button>
        </Flex>
      }
    >
      {props.children}
    </Drawer>
  );
}
