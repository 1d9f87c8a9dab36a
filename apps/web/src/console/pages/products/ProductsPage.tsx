import { Route, Routes } from 'react-router';
import NotFoundPage from '../../NotFoundPage.tsx';
import { ProductDetail } from './ProductDetail.tsx';
import { ProductEditor } from './ProductEditor.tsx';
import { ProductList } from './ProductList.tsx';

/**
 * Loan products: the list (`/products`), a new product (`/products/new`), one version with its
 * history and the maker-checker decision (`/products/:id`), and a change proposed as a new
 * version (`/products/:id/change`).
 */
export default function ProductsPage() {
  return (
    <Routes>
      <Route index element={<ProductList />} />
      <Route path="new" element={<ProductEditor />} />
      <Route path=":id" element={<ProductDetail />} />
      <Route path=":id/change" element={<ProductEditor />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
