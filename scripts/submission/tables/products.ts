/** 附表4-2-1-4 服务产品（项目）名单. */
import { PRICES_CLEAN, PRICES_MESSY, PRODUCTS, RowModel, TableModel, seqCells } from '../model';
import type { TableContext } from './prepare';

export function buildProducts(g: TableContext) {
  const { root, o, messy } = g;
  // ===========================================================================================
  // 附表4-2-1-4 服务产品（项目）名单
  // ===========================================================================================
  const prodRng = root.fork('products');
  const productRows: RowModel[] = [];
  {
    const base = prodRng.shuffle([...PRODUCTS]);
    for (let i = 0; i < o.products; i++) {
      const [name, category, intro] = base[i % base.length];
      const round = Math.floor(i / base.length);
      productRows.push({
        kind: 'data',
        cells: {
          product: round === 0 ? name : `${name}（${round + 1}）`,
          category,
          description: intro,
          price: prodRng.pick(messy ? PRICES_MESSY : PRICES_CLEAN),
        },
      });
    }
  }
  seqCells(productRows);
  const productTable: TableModel = {
    id: '4-2-1-4',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'product', header: '服务产品（项目）名称', width: 30 },
      { key: 'category', header: '服务产品（项目）分类', width: 18 },
      { key: 'description', header: '内容介绍', width: 60 },
      { key: 'price', header: '价格', width: 14 },
    ],
    rows: productRows,
    titleLines: [],
    stampLine: null,
    unitLine: null,
    note: null,
    amountUnit: null,
  };

  return { productTable };
}
