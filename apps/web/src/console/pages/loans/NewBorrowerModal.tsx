import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call, idempotencyKeys } from '../../../api/client.ts';
import type { ProblemMapping } from '../../../api/problem.ts';
import type { components } from '../../../api/schema.d.ts';
import { toE164 } from '../../../shared/format.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { useFormProblems } from '../../forms.ts';

type Borrower = components['schemas']['Borrower'];

const MAPPING: ProblemMapping = { fields: ['fullName', 'phone'], codes: { conflict: 'phone' } };

/**
 * Registers a borrower (`POST /api/v1/borrowers` with an Idempotency-Key) without leaving the loan
 * form; the server's errors (a taken phone number) appear under their fields.
 */
export function NewBorrowerModal(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (b: Borrower) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ fullName: string; phone: string }>();
  const problems = useFormProblems(form, MAPPING);
  const keys = useRef(idempotencyKeys()).current;
  const create = useMutation({
    mutationFn: (body: { fullName: string; phone: string }) =>
      call(
        api.POST('/api/v1/borrowers', { params: { header: { 'idempotency-key': keys.for(body) } }, body }),
      ),
    onSuccess: (borrower) => {
      form.resetFields();
      props.onCreated(borrower);
    },
    onError: problems.show,
  });
  return (
    <Modal
      title={t('loans.newBorrower.title')}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('loans.newBorrower.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {problems.banner && <ProblemAlert error={problems.banner} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        name="new-borrower"
        onFinish={(values) => {
          problems.clear();
          create.mutate({ fullName: values.fullName.trim(), phone: toE164(values.phone) ?? values.phone });
        }}
      >
        <Form.Item
          name="fullName"
          label={t('loans.newBorrower.fullName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('loans.newBorrower.phone')}
          extra={t('loans.newBorrower.phoneHint')}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: (_, v: string | undefined) =>
                !v || toE164(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('loans.newBorrower.phoneInvalid'))),
            },
          ]}
        >
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
