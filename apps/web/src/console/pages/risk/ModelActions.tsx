import { CrownOutlined, ExperimentOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call, idempotencyKeys } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { components } from '../../../api/schema.d.ts';
import { useCan } from '../../auth/useMe.ts';
import { api } from '../../context.ts';

type Model = Pick<components['schemas']['RiskModel'], 'id' | 'name' | 'version' | 'status'>;
type Change = { action: 'promote' | 'challenger'; model: Model } | { action: 'stop' };

/**
 * The registry's role changes: promote to champion (the previous champion retires), run as
 * challenger in shadow, stop the challenger. Role-changing POSTs carry an Idempotency-Key (one per
 * distinct change), so a double click changes once. `error` is the last failure, to show in place.
 *
 * @example const roles = useRoleChange(); roles.run({ action: 'promote', model });
 */
export function useRoleChange() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useRef(idempotencyKeys()).current;
  const mutation = useMutation({
    mutationFn: async (change: Change) => {
      if (change.action === 'stop') return call(api.DELETE('/api/v1/risk/challenger'));
      const { id, status } = change.model;
      const params = {
        header: { 'idempotency-key': keys.for({ action: change.action, id, status }) },
        path: { id },
      };
      return change.action === 'promote'
        ? call(api.POST('/api/v1/risk/models/{id}/promote', { params }))
        : call(api.POST('/api/v1/risk/models/{id}/challenger', { params }));
    },
    onSuccess: (out, change) => {
      if (change.action === 'stop') {
        const cleared = 'cleared' in out ? out.cleared : null;
        void message.success(cleared ? t('risk.done.stopped') : t('risk.done.noChallenger'));
      } else {
        const names = { name: change.model.name, version: change.model.version };
        void message.success(
          change.action === 'promote' ? t('risk.done.promoted', names) : t('risk.done.challenger', names),
        );
      }
      void queryClient.invalidateQueries({ queryKey: ['risk'] });
    },
  });
  return {
    run: (change: Change) => mutation.mutate(change),
    pending: mutation.isPending ? mutation.variables.action : null,
    error: mutation.isError ? (mutation.error as ApiError) : null,
  };
}

type RoleChange = ReturnType<typeof useRoleChange>;

/** "Stop challenger", for risk managers. */
export function StopChallengerButton({ roles }: { roles: RoleChange }) {
  const { t } = useTranslation();
  if (!useCan('risk:promote')) return null;
  return (
    <Popconfirm
      title={t('risk.confirm.stop')}
      okText={t('risk.actions.stopChallenger')}
      cancelText={t('common.cancel')}
      onConfirm={() => roles.run({ action: 'stop' })}
    >
      <Button icon={<StopOutlined />} loading={roles.pending === 'stop'}>
        {t('risk.actions.stopChallenger')}
      </Button>
    </Popconfirm>
  );
}

/**
 * The role changes a risk manager may make on one model, each confirmed first: promote (unless it
 * is the champion), set as challenger (candidates and retired models), stop (the challenger).
 */
export function ModelActions({ model, roles }: { model: Model; roles: RoleChange }) {
  const { t } = useTranslation();
  if (!useCan('risk:promote')) return null;
  const names = { name: model.name, version: model.version };
  return (
    <>
      {model.status !== 'champion' && (
        <Popconfirm
          title={t('risk.confirm.promote', names)}
          okText={t('risk.actions.promote')}
          cancelText={t('common.cancel')}
          onConfirm={() => roles.run({ action: 'promote', model })}
        >
          <Button type="primary" icon={<CrownOutlined />} loading={roles.pending === 'promote'}>
            {t('risk.actions.promote')}
          </Button>
        </Popconfirm>
      )}
      {(model.status === 'candidate' || model.status === 'retired') && (
        <Popconfirm
          title={t('risk.confirm.challenger', names)}
          okText={t('risk.actions.challenger')}
          cancelText={t('common.cancel')}
          onConfirm={() => roles.run({ action: 'challenger', model })}
        >
          <Button icon={<ExperimentOutlined />} loading={roles.pending === 'challenger'}>
            {t('risk.actions.challenger')}
          </Button>
        </Popconfirm>
      )}
      {model.status === 'challenger' && <StopChallengerButton roles={roles} />}
    </>
  );
}
