#!/usr/bin/env bash
# Regenerates the sample bundle's PNG images: the category icons (256x256, flat shapes, no text)
# and the diagrams used in page bodies (Vietnamese text in Noto Sans).
# Needs: ImageMagick 6 (`convert`) and fonts-noto-core. Deterministic: no timestamps are written.
# Usage: content/tools/make-sample-images.sh [BUNDLE_DIR]   (default: content/sample)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bundle="${1:-$here/../sample}"
font=/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
bold=/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
command -v convert >/dev/null || { echo "error: ImageMagick 'convert' not found" >&2; exit 1; }
for f in "$font" "$bold"; do [[ -r $f ]] || { echo "error: font $f not found (install fonts-noto-core)" >&2; exit 1; }; done

icons="$bundle/media/icons"
images="$bundle/media/images"
mkdir -p "$icons" "$images"

# Options that keep the PNGs small and byte-for-byte reproducible.
png_opts=(-strip -define png:exclude-chunk=date,time -define png:compression-level=9)

# icon NAME BACKGROUND DRAW...  -> media/icons/NAME.png: a rounded tile with white shapes on it.
icon() {
  local name=$1 bg=$2; shift 2
  local out="$icons/$name.png"
  convert -size 256x256 xc:none \
    -fill "$bg" -draw "roundrectangle 8,8 247,247 44,44" \
    -fill white -stroke none "$@" \
    +dither -colors 16 "${png_opts[@]}" "PNG32:$out.tmp"
  mv -f "$out.tmp" "$out"
  echo "made $out ($(stat -c %s "$out") bytes)"
}

# The programme: three rising bars.
icon chuong-trinh '#2e7d32' \
  -draw "rectangle 56,150 96,200" -draw "rectangle 108,112 148,200" -draw "rectangle 160,64 200,200" \
  -draw "rectangle 48,206 208,216"
# Who is poor: a house with a door.
icon chuan-ngheo '#1565c0' \
  -draw "polygon 128,48 216,124 40,124" -draw "rectangle 64,120 192,208" \
  -fill '#1565c0' -draw "rectangle 112,150 144,208"
# Support policies: a white disc with a cross.
icon chinh-sach '#c62828' \
  -draw "circle 128,128 128,44" \
  -fill '#c62828' -draw "rectangle 112,76 144,180" -draw "rectangle 76,112 180,144"
# The annual review: a clipboard with lines and a tick.
icon ra-soat '#ef6c00' \
  -draw "roundrectangle 64,52 192,216 14,14" \
  -fill '#ef6c00' -draw "rectangle 100,40 156,64" \
  -draw "rectangle 84,90 172,100" -draw "rectangle 84,118 172,128" -draw "rectangle 84,146 140,156" \
  -stroke '#ef6c00' -strokewidth 12 -fill none -draw "polyline 112,182 128,198 164,166"
# Helping together: a heart.
icon chung-tay '#ad1457' \
  -draw "circle 98,104 98,58" -draw "circle 158,104 158,58" \
  -draw "polygon 56,122 200,122 128,204"
# Key dates: a calendar page.
icon moc-thoi-gian '#6a1b9a' \
  -draw "roundrectangle 48,60 208,208 14,14" \
  -fill '#6a1b9a' -draw "rectangle 48,88 208,100" \
  -draw "rectangle 72,120 96,144" -draw "rectangle 116,120 140,144" -draw "rectangle 160,120 184,144" \
  -draw "rectangle 72,164 96,188" -draw "rectangle 116,164 140,188" \
  -fill white -draw "rectangle 80,40 96,76" -draw "rectangle 160,40 176,76"
# Where to ask: a map pin.
icon hoi-o-dau '#00838f' \
  -draw "circle 128,106 128,46" -draw "polygon 76,136 180,136 128,216" \
  -fill '#00838f' -draw "circle 128,106 128,82"

# ---------------------------------------------------------------------------------------------
# Diagram: the 6 steps of the periodic review (QĐ 24/2021/QĐ-TTg), for pages/cac-buoc-ra-soat.
out="$images/so-do-ra-soat.png"
W=960; H=600; bw=270; bh=170
args=()
step() { # step N X Y TEXT
  local n=$1 x=$2 y=$3 text=$4
  args+=(-fill '#fff3e0' -stroke '#ef6c00' -strokewidth 3
         -draw "roundrectangle $x,$y $((x+bw)),$((y+bh)) 16,16"
         -stroke none -fill '#ef6c00' -draw "circle $((x+34)),$((y+34)) $((x+34)),$((y+10))"
         -fill white -font "$bold" -pointsize 26 -annotate "+$((x+26))+$((y+44))" "$n"
         -fill '#212121' -font "$font" -pointsize 22 -annotate "+$((x+18))+$((y+88))" "$text")
}
arrow() { # arrow X1 Y1 X2 Y2 (horizontal, left to right) or down
  args+=(-stroke '#757575' -strokewidth 6 -draw "line $1,$2 $3,$4" -stroke none -fill '#757575')
  if [[ $2 == "$4" ]]; then args+=(-draw "polygon $3,$(($4-12)) $(($3+16)),$4 $3,$(($4+12))")
  else args+=(-draw "polygon $(($3-12)),$4 $3,$(($4+16)) $(($3+12)),$4"); fi
}
step 1  30  70 $'Lập danh sách hộ\ncần rà soát (cả hộ\nnộp Mẫu số 01)'
step 2 345  70 $'Cán bộ khảo sát,\nphân loại từng hộ'
step 3 660  70 $'Họp dân ở ấp,\nkhu phố'
step 4  30 350 $'Niêm yết công khai\nkết quả'
step 5 345 350 $'Báo cáo cấp trên,\nxin ý kiến (*)'
step 6 660 350 $'UBND xã công nhận\nhộ nghèo, cận nghèo,\nthoát nghèo'
arrow 302 155 327 155
arrow 617 155 642 155
# from step 3 down, back to the left, and down into step 4
args+=(-stroke '#757575' -strokewidth 6 -draw "line 795,242 795,295" -draw "line 795,295 165,295"
       -draw "line 165,295 165,330" -stroke none -fill '#757575' -draw "polygon 153,328 165,346 177,328")
arrow 302 435 327 435
arrow 617 435 642 435
convert -size ${W}x${H} xc:white \
  -fill '#212121' -font "$bold" -pointsize 28 -annotate +30+46 'Rà soát định kỳ hộ nghèo, hộ cận nghèo: 01/09 – 14/12' \
  "${args[@]}" \
  -fill '#616161' -font "$font" -pointsize 20 \
  -annotate +30+572 '(*) Bước 5 đã thay đổi từ 01/07/2025 vì không còn cấp huyện. Hãy hỏi UBND xã.' \
  +dither -colors 16 "${png_opts[@]}" "PNG8:$out.tmp"
mv -f "$out.tmp" "$out"
echo "made $out ($(stat -c %s "$out") bytes)"

# ---------------------------------------------------------------------------------------------
# Diagram: classification under the 2022–2026 standard (NĐ 07/2021/NĐ-CP), for pages/phan-loai-ho.
out="$images/phan-loai-ho.png"
box() { # box X Y W H FILL STROKE TEXT [FONT] [SIZE]
  args+=(-fill "$5" -stroke "$6" -strokewidth 3 -draw "roundrectangle $1,$2 $(($1+$3)),$(($2+$4)) 16,16"
         -stroke none -fill '#212121' -font "${8:-$font}" -pointsize "${9:-22}"
         -annotate "+$(($1+20))+$(($2+38))" "$7")
}
label() { args+=(-stroke none -fill '#424242' -font "$bold" -pointsize 22 -annotate "+$1+$2" "$3"); }
args=()
box  30  70 540 100 '#e3f2fd' '#1565c0' $'1. Thu nhập bình quân mỗi người mỗi tháng\ncó từ chuẩn nghèo trở xuống không?'
box 680  70 250 100 '#eeeeee' '#9e9e9e' $'Không phải hộ nghèo,\nhộ cận nghèo' "$font" 20
box  30 280 540 100 '#e3f2fd' '#1565c0' $'2. Hộ thiếu hụt từ 3 chỉ số\ntrở lên (trong 12 chỉ số)?'
box  30 470 250  70 '#ffcdd2' '#c62828' 'HỘ NGHÈO' "$bold" 28
box 320 470 250  70 '#ffe0b2' '#ef6c00' 'HỘ CẬN NGHÈO' "$bold" 28
arrow 574 120 662 120;  label 586 106 'Không'
arrow 300 174 300 262;  label 312 226 'Có'
arrow 155 384 155 452;  label 167 426 'Có'
arrow 445 384 445 452;  label 457 426 'Không'
convert -size 960x600 xc:white \
  -fill '#212121' -font "$bold" -pointsize 28 -annotate +30+46 'Hộ thuộc loại nào? (chuẩn nghèo 2022–2026)' \
  "${args[@]}" \
  -fill '#616161' -font "$font" -pointsize 20 \
  -annotate +640+300 $'Cần đủ CẢ HAI điều kiện\nthì mới là hộ nghèo.' \
  -annotate +30+580 'Chỉ UBND xã công nhận hộ nghèo, hộ cận nghèo qua rà soát.' \
  +dither -colors 16 "${png_opts[@]}" "PNG8:$out.tmp"
mv -f "$out.tmp" "$out"
echo "made $out ($(stat -c %s "$out") bytes)"
