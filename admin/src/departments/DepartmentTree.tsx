import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Box, Chip, Collapse, IconButton, List, ListItem, ListItemButton, ListItemText } from '@mui/material';
import { useState } from 'react';
import { useCreatePath, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatNumber } from '../common/format';
import { localizedName } from '../common/localizedName';
import { buildDepartmentTree, type DepartmentNode, type DepartmentRecord } from './departmentTree';

const DepartmentLabel = ({ department }: { department: DepartmentRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <ListItemText
      primary={
        <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <span>{localizedName(department, locale)}</span>
          <Chip size="small" label={department.code} variant="outlined" />
          {department.active === false && <Chip size="small" label={translate('app.department.inactive')} />}
        </Box>
      }
      secondary={
        <span data-testid={`department-count-${department.code}`}>
          {translate('app.department.headcount', {
            total: formatNumber(department.subtreeEmployeeCount ?? 0, locale),
            direct: formatNumber(department.employeeCount ?? 0, locale),
            smart_count: department.subtreeEmployeeCount ?? 0,
          })}
        </span>
      }
    />
  );
};

const TreeItem = ({ node, depth }: { node: DepartmentNode; depth: number }) => {
  const [open, setOpen] = useState(depth < 1);
  const createPath = useCreatePath();
  const hasChildren = node.children.length > 0;
  const to = createPath({ resource: 'departments', id: node.department.id, type: 'show' });
  return (
    <>
      <ListItem
        disablePadding
        sx={{ pl: depth * 3 }}
        secondaryAction={
          hasChildren ? (
            <IconButton edge="end" onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? <ExpandLess /> : <ExpandMore />}
            </IconButton>
          ) : undefined
        }
      >
        <ListItemButton component={Link} to={to}>
          <DepartmentLabel department={node.department} />
        </ListItemButton>
      </ListItem>
      {hasChildren && (
        <Collapse in={open} unmountOnExit>
          <List disablePadding>
            {node.children.map((child) => (
              <TreeItem key={child.department.id} node={child} depth={depth + 1} />
            ))}
          </List>
        </Collapse>
      )}
    </>
  );
};

/** The department list rendered as a tree grouped by parent. */
export const DepartmentTree = () => {
  const { data } = useListContext<DepartmentRecord>();
  const roots = buildDepartmentTree(data ?? []);
  return (
    <List aria-label="department-tree" data-testid="department-tree">
      {roots.map((node) => (
        <TreeItem key={node.department.id} node={node} depth={0} />
      ))}
    </List>
  );
};
